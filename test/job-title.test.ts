/**
 * Job-board titles (issue 12, first part): the noise around the job is removed before matching,
 * and a level word in the title is kept as a seniority.
 */
import { describe, expect, it } from 'vitest';
import { parseJobTitle } from '../src/catalogue/job-title.js';
import { resolveRole } from '../src/catalogue/search.js';
import { runCli, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

describe('parseJobTitle', () => {
  it.each([
    ['行政专员（五险一金，周末双休）', '行政专员', undefined],
    ['iOS开发工程师（Swift，15-25K）', 'iOS开发工程师', undefined],
    ['急招 客服专员 底薪+提成', '客服专员', undefined],
    ['北京-会计（国企）', '会计', undefined],
    ['高级UI设计师 12-20K·13薪', 'UI设计师', 'senior'],
    ['仓库管理员 包吃住 两班倒', '仓库管理员', undefined],
    ['实习生-新媒体运营【可转正】', '新媒体运营', 'intern'],
    ['Sr. Accounts Receivable Analyst - Hybrid', 'Accounts Receivable Analyst', 'senior'],
    ['Senior Software Engineer (Remote)', 'Software Engineer', 'senior'],
    ['Junior Graphic Designer, full-time', 'Graphic Designer', 'entry'],
    ['Truck Driver $1,500/week', 'Truck Driver', undefined],
    ['Registered Nurse - London', 'Registered Nurse', undefined],
  ] as const)('%s → %s', (raw, core, seniority) => {
    const t = parseJobTitle(raw);
    expect(t.core).toBe(core);
    expect(t.seniority).toBe(seniority);
    expect(t.changed).toBe(true);
  });

  it('leaves a plain title alone', () => {
    for (const raw of ['translator', '会计', 'customer service representative', '15-1252']) {
      expect(parseJobTitle(raw)).toEqual({ core: raw, changed: false });
    }
  });

  it('names no seniority when the title names two levels', () => {
    expect(parseJobTitle('Senior or Junior Developer').seniority).toBeUndefined();
  });

  it('never empties a title into nothing', () => {
    for (const raw of ['（五险一金）', 'Remote', '15-25K', '急招']) expect(parseJobTitle(raw).core.length).toBeGreaterThan(0);
  });
});

describe('resolveRole reads job-board titles', () => {
  it.each([
    ['行政专员（五险一金，周末双休）', 'administrative-assistant'],
    ['iOS开发工程师（Swift，15-25K）', 'mobile-app-developer'],
    ['急招 客服专员 底薪+提成', 'customer-service-representative'],
    ['北京-会计（国企）', 'accountant'],
    ['Senior Software Engineer (Remote)', 'software-developer'],
    ['Registered Nurse - Night Shift', 'registered-nurse'],
  ])('%s → %s', (query, id) => {
    const r = resolveRole(rb, query);
    expect(r.kind).toBe('match');
    if (r.kind === 'match') expect(r.occupation.id).toBe(id);
  });

  it('still refuses a job that is not in the catalogue, with suggestions', () => {
    const r = resolveRole(rb, 'astronaut (remote, $200k)');
    expect(r.kind).toBe('none');
  });
});

describe('batch: an empty seniority cell takes the level the title names', () => {
  it('assesses the row with that level, and still rejects a row whose title names none', () => {
    const csv = 'role,seniority,repetitiveness,ai_usage\nSenior Software Engineer (Remote),,3,daily\n高级会计（五险一金）,,4,偶尔\nroofer,,3,none\n';
    const r = runCli(['batch', '-', '--format', 'jsonl'], { input: csv });
    expect(r.status).toBe(3);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { assessment: { profile: { occupation: string; seniority: string } } });
    expect(rows.map((x) => x.assessment.profile)).toEqual([
      expect.objectContaining({ occupation: 'software-developer', seniority: 'senior' }),
      expect.objectContaining({ occupation: 'accountant', seniority: 'senior' }),
    ]);
    expect(r.stderr).toContain('stdin:4: seniority: missing value');
  });
});

describe('roles by their 大典 2022 code', () => {
  it('resolves a code that one entry gives first, with or without csco:', () => {
    for (const q of ['csco:6-31-01-03', '6-31-01-03']) {
      const r = resolveRole(rb, q);
      expect(r.kind).toBe('match');
      if (r.kind === 'match') expect(r.occupation.id).toBe('electrician');
    }
  });

  it('lists the entries when several give the code first', () => {
    const r = resolveRole(rb, 'csco:2-05-08-00');
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((o) => o.id)).toContain('registered-nurse');
  });

  it('finds it in `roles` and writes it in JSON', () => {
    const r = runCli(['roles', 'csco:6-31-01-03', '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; codes: { csco2022: string[] } }[];
    expect(rows[0]?.id).toBe('electrician');
    expect(rows[0]?.codes.csco2022[0]).toBe('6-31-01-03');
  });
});
