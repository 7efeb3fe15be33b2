// A rule pack over the shipped base takes the shipped layer from the build's snapshot
// (loadRuleBase's shippedSnapshot): the same rule base as a full load, and the same problems.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { serialiseCache } from '../src/engine/cache.js';
import type { LoadResult } from '../src/engine/load.js';
import { loadRuleBase } from '../src/engine/load.js';

const full = loadRuleBase();
if (!full.ok) throw new Error('shipped rules must load');
const dir = mkdtempSync(path.join(tmpdir(), 'career-risk-snapshot-'));
const snapshot = path.join(dir, 'rulebase.cache.json');
writeFileSync(snapshot, serialiseCache(full.ruleBase));
const PACK = 'examples/rule-pack';

/** What a command sees of a loaded rule base (positions left out: the snapshot has none). */
const seen = (result: LoadResult) =>
  result.ok
    ? { ruleset: result.ruleBase.ruleset, entries: result.ruleBase.entries, layers: result.ruleBase.layers, hash: result.ruleBase.hash }
    : { problems: result.problems };

describe('rule packs over the shipped snapshot', () => {
  it('give the same rule base as parsing every shipped file, without reading their positions', () => {
    const fast = loadRuleBase({ packs: [PACK], shippedSnapshot: snapshot });
    const slow = loadRuleBase({ packs: [PACK] });
    expect(fast.ok && slow.ok).toBe(true);
    expect(seen(fast)).toEqual(seen(slow));
    // The pack's own entries keep their positions; shipped ones have none (they came from the snapshot).
    if (!fast.ok || !slow.ok) return;
    expect(fast.ruleBase.origins.size).toBeGreaterThan(0);
    expect(fast.ruleBase.origins.size).toBeLessThan(slow.ruleBase.origins.size);
    expect([...fast.ruleBase.origins.values()].every((o) => o.file.startsWith(PACK))).toBe(true);
  });

  it('are loaded in full when the snapshot was built from other rule files, is damaged or missing', () => {
    const body = serialiseCache(full.ruleBase);
    const nl = body.indexOf('\n');
    const stale = path.join(dir, 'stale.json');
    writeFileSync(stale, `${JSON.stringify({ ...JSON.parse(body.slice(0, nl)), hash: '0'.repeat(64) })}\n${body.slice(nl + 1)}`);
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, `${body.slice(0, nl)}\n${body.slice(nl + 1).replace('"writing"', '"Writing"')}`);
    const slow = loadRuleBase({ packs: [PACK] });
    if (!slow.ok) throw new Error('the example pack must load');
    for (const file of [stale, damaged, path.join(dir, 'missing.json')]) {
      const result = loadRuleBase({ packs: [PACK], shippedSnapshot: file });
      expect(seen(result)).toEqual(seen(slow));
      // Parsed, so shipped entries have their positions.
      expect(result.ok && result.ruleBase.origins.size).toBe(slow.ruleBase.origins.size);
    }
  });

  it('report a problem in a shipped entry that a pack causes exactly as the full load does (file, line, field)', () => {
    // Switching off a task category the shipped occupations use breaks them, not the pack.
    const writing = full.ruleBase.entries.taskCategories.find((c) => c.id === 'writing');
    const pack = mkdtempSync(path.join(dir, 'pack-'));
    writeFileSync(path.join(pack, 'off.yaml'), stringify({ taskCategories: [{ ...writing, disabled: true }] }));
    const fast = loadRuleBase({ packs: [pack], shippedSnapshot: snapshot });
    const slow = loadRuleBase({ packs: [pack] });
    expect(slow.ok).toBe(false);
    expect(fast).toEqual(slow);
    expect(!slow.ok && slow.problems.some((p) => p.file.startsWith('rules/occupations/') && p.message.includes('"writing"'))).toBe(true);
  });
});
