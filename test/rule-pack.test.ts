/** `--rules examples/rule-pack` changes exactly what the pack says it changes, and nothing else. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { AI_USAGE_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { loadOrThrow, modelScore, runCli, shippedRuleBase } from './helpers.js';

const base = shippedRuleBase();
const pack = loadOrThrow({ packs: ['examples/rule-pack'] });
const NEW_ADVICE = 'learn-ai-and-data-skills';
const strip = <T extends { test?: unknown }>(x: T) => JSON.parse(JSON.stringify({ ...x, test: undefined })) as unknown;

describe('examples/rule-pack', () => {
  it('adds one source, one occupation and one advice rule, and overrides one factor', () => {
    expect([...pack.sources.keys()].filter((id) => !base.sources.has(id))).toEqual(['wef-future-of-jobs-2025']);
    expect(pack.occupations.filter((o) => !base.occupationById.has(o.id)).map((o) => o.id)).toEqual(['livestream-operations-specialist']);
    expect(pack.occupationById.get('livestream-operations-specialist')?.title.zh).toBe('直播运营');
    expect(pack.advice.filter((a) => !base.advice.some((b) => b.id === a.id)).map((a) => a.id)).toEqual([NEW_ADVICE]);
    const changed = pack.factors.filter((f) => JSON.stringify(strip(f)) !== JSON.stringify(strip(base.factors.find((b) => b.id === f.id) ?? {})));
    expect(changed.map((f) => [f.id, f.odds, f.scaleWith])).toEqual([['ai-usage-none', 1.4, 'augmentation']]);
    // The override weighs more than the shipped factor it replaces.
    expect(changed[0]?.odds).toBeGreaterThan(base.factors.find((f) => f.id === 'ai-usage-none')?.odds ?? Infinity);
  });

  it('leaves everything else exactly as shipped', () => {
    expect(pack.ruleset).toEqual(base.ruleset);
    expect([...pack.taskCategories.values()]).toEqual([...base.taskCategories.values()]);
    for (const o of base.occupations) expect(pack.occupationById.get(o.id)).toEqual(o);
    for (const [id, s] of base.sources) expect(pack.sources.get(id)).toEqual(s);
    expect(pack.factors.map((f) => f.id)).toEqual(base.factors.map((f) => f.id));
    for (const a of base.advice) expect(strip(pack.advice.find((x) => x.id === a.id) ?? {})).toEqual(strip(a));
    expect(pack.whatIfs.map(strip)).toEqual(base.whatIfs.map(strip));
  });

  it('moves scores only where ai-usage-none fires, by exactly its heavier odds, and never down', () => {
    for (const o of base.occupations) {
      for (const seniority of SENIORITY_LEVELS) {
        for (const aiUsage of AI_USAGE_LEVELS) {
          const profile = { occupation: o.id, seniority, repetitiveness: 3, aiUsage } as const;
          const before = evaluate(base, profile);
          const after = evaluate(pack, profile);
          // The pack's score is the model formula over the pack's factors (its odds, scaled by the augmentation share).
          expect(after.score, `${o.id} ${seniority} ${aiUsage}`).toBe(modelScore(pack, profile).score);
          if (aiUsage === 'none') expect(after.score, `${o.id} ${seniority}`).toBeGreaterThanOrEqual(before.score);
          else expect(after.score).toBe(before.score);
          expect(after.factors.map((f) => f.id)).toEqual(before.factors.map((f) => f.id));
          // The only advice that may appear is the pack's own; the rest keeps its order.
          const others = after.advice.map((a) => a.id).filter((id) => id !== NEW_ADVICE);
          if (aiUsage === 'none') continue; // the heavier odds can reorder ties; the score check above covers it
          expect(others).toEqual(before.advice.map((a) => a.id).slice(0, others.length));
        }
      }
    }
  });

  it('is named with its hash in text, JSON and batch summaries', () => {
    const json = JSON.parse(runCli(['assess', '-r', 'editor', '-s', 'mid', '-p', '3', '-a', 'none', '--format', 'json', '--rules', 'examples/rule-pack']).stdout) as {
      ruleBase: { packs: { path: string; hash: string }[] };
    };
    expect(json.ruleBase.packs).toEqual([{ path: 'examples/rule-pack', hash: pack.layers[1]?.hash }]);
    const short = pack.layers[1]?.hash.slice(0, 12) ?? '';
    expect(runCli(['assess', '-r', 'editor', '-s', 'mid', '-p', '3', '-a', 'none', '--rules', 'examples/rule-pack']).stdout).toContain(`Rule packs: examples/rule-pack (${short})`);
    const batch = runCli(['batch', '-', '--summary', '--rules', 'examples/rule-pack'], { input: 'role,seniority,repetitiveness,ai_usage\n直播运营,mid,3,none\n' });
    expect(batch.status).toBe(0);
    expect(batch.stdout).toContain('livestream-operations-specialist');
    expect(batch.stderr).toContain(`Rule packs: examples/rule-pack (${short})`);
  });
});
