/**
 * For any mix of valid and invalid rows: every row is accounted for, and every
 * valid row scores exactly what `assess` gives the same profile.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowAssessor } from '../src/batch/rows.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Profile } from '../src/model/profile.js';
import { AI_USAGE_LEVELS, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from '../src/model/profile.js';
import { runBatchCsv, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();
const ZH_SENIORITY: Record<string, string> = { intern: '实习生', entry: '初级', mid: '中级', senior: '高级', lead: '经理', executive: '高管' };
const ZH_AI: Record<string, string> = { none: '不用', occasional: '偶尔', weekly: '每周', daily: '每天', builds: '搭建' };

type Client = { valid: true; profile: Profile; cells: string[] } | { valid: false; cells: string[] };

const validClient: fc.Arbitrary<Client> = fc
  .record({
    occupation: fc.constantFrom(...rb.occupations),
    roleForm: fc.constantFrom('id', 'en', 'zh'),
    seniority: fc.constantFrom(...SENIORITY_LEVELS),
    zhSeniority: fc.boolean(),
    repetitiveness: fc.constantFrom(...REPETITIVENESS_LEVELS),
    aiUsage: fc.constantFrom(...AI_USAGE_LEVELS),
    zhAi: fc.boolean(),
    padding: fc.constantFrom('', ' ', '  '),
  })
  .map((c) => {
    const role = c.roleForm === 'id' ? c.occupation.id : c.roleForm === 'en' ? c.occupation.title.en : c.occupation.title.zh;
    return {
      valid: true,
      profile: { occupation: c.occupation.id, seniority: c.seniority, repetitiveness: c.repetitiveness, aiUsage: c.aiUsage },
      cells: [
        `${c.padding}${role}${c.padding}`,
        c.zhSeniority ? (ZH_SENIORITY[c.seniority] ?? c.seniority) : c.seniority,
        String(c.repetitiveness),
        c.zhAi ? (ZH_AI[c.aiUsage] ?? c.aiUsage) : c.aiUsage,
      ],
    };
  });

const invalidClient: fc.Arbitrary<Client> = fc
  .tuple(validClient, fc.constantFrom(0, 1, 2, 3), fc.constantFrom('', 'zzz-not-a-value', '9', '-1'))
  .map(([client, column, bad]) => {
    const cells = [...client.cells];
    cells[column] = column === 0 && bad !== '' ? `qwxzv ${bad}` : bad;
    return { valid: false, cells };
  });

const runCsv = (text: string) => runBatchCsv(new RowAssessor(rb, 'en'), text);

/** A row broken the ways real files break: a quote never closed, text after a closing quote, a stray quote. */
const damagedLine = fc
  .tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom(0, 1, 2))
  .map(([word, kind]) => (id: string) => (kind === 0 ? `${id},"${word},mid,3,daily` : kind === 1 ? `${id},"${word}"x,mid,3,daily` : `${id},${word}"x,mid,3,daily`));

describe('batch properties', () => {
  it('accounts for every row and scores valid rows exactly like assess', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ arbitrary: validClient, weight: 3 }, { arbitrary: invalidClient, weight: 1 }), { minLength: 1, maxLength: 25 }), async (clients) => {
        const rows = clients.map((c, i) => [`c${i}`, ...c.cells]);
        const text = stringify([['id', 'role', 'seniority', 'repetitiveness', 'ai_usage'], ...rows]);
        const { summary, output, warnings } = await runCsv(text);

        expect(summary.assessed + summary.rejected).toBe(clients.length);
        expect(summary.total).toBe(clients.length);
        expect(warnings).toHaveLength(summary.rejected);
        expect(summary.rejected).toBe(clients.filter((c) => !c.valid).length);

        const results = parse(output, { columns: true }) as Record<string, string>[];
        const expected = clients.flatMap((c, i) => (c.valid ? [{ id: `c${i}`, score: String(evaluate(rb, c.profile).score) }] : []));
        expect(results.map((r) => ({ id: r.id, score: r.score }))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('with random quoting damage: assessed + rejected = rows, no valid row dropped, each damaged row rejected alone', async () => {
    const row = fc.oneof({ arbitrary: validClient.map((c) => ({ kind: 'valid' as const, client: c })), weight: 3 }, { arbitrary: damagedLine.map((make) => ({ kind: 'damaged' as const, make })), weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.boolean(), async (rows, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const lines = rows.map((r, i) => (r.kind === 'valid' ? stringify([[`c${i}`, ...r.client.cells]], { record_delimiter: eol }).replace(/\r?\n$/, '') : r.make(`c${i}`)));
        const text = ['id,role,seniority,repetitiveness,ai_usage', ...lines].join(eol) + eol;
        const { summary, output, rejected, warnings } = await runCsv(text);

        expect(summary.total).toBe(rows.length);
        expect(summary.assessed + summary.rejected).toBe(rows.length);
        expect(warnings).toHaveLength(summary.rejected);
        const results = parse(output, { columns: true }) as Record<string, string>[];
        const errorRows = parse(rejected, { columns: true, relax_column_count: true }) as Record<string, string>[];
        expect(results.length + errorRows.length).toBe(rows.length);
        const expected = rows.flatMap((r, i) => (r.kind === 'valid' && r.client.valid ? [{ id: `c${i}`, score: String(evaluate(rb, r.client.profile).score) }] : []));
        expect(results.map((r) => ({ id: r.id, score: r.score }))).toEqual(expected);
        // A damaged row is rejected on its own line (line = index + 2), never taking a neighbour with it.
        const damagedLines = rows.flatMap((r, i) => (r.kind === 'damaged' ? [i + 2] : []));
        for (const line of damagedLines) expect(warnings.some((w) => w.startsWith(`clients.csv:${line}: `))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
