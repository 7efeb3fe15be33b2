/**
 * Every catalogue entry carries its 2022 大典 code(s) (`codes.csco2022`), checked against the code list in
 * the committed code list data/derived/csco2022-codes.tsv (rebuilt by scripts/derive/csco2022.js; the test needs only the committed file).
 */
import { describe, expect, it } from 'vitest';
import { readDerived, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

/** code → level (1 大类, 2 中类, 3 小类, 4 细类/职业). */
const LEVEL = new Map(readDerived('csco2022-codes.tsv').map((r) => [r.code ?? '', Number(r.level)]));

/** Entries whose first code is above the detailed level, because no 细类 fits: id → the reason. */
const APPROXIMATIONS: Record<string, string> = {
  'administrative-services-manager': 'no 细类 for an office or administration manager; 3-01-02-00 行政事务处理人员 is the group',
  'research-assistant': 'research assistants work in every field; only 2-01-00-00 科学研究人员 covers them all',
  'private-tutor': 'tutoring outside schools has no 细类; 2-08-99-00 其他教学人员',
  'teaching-assistant': 'no 细类 for teaching assistants; 2-08-99-00 其他教学人员',
  'esl-teacher': 'training-school language teachers have no 细类; 2-08-99-00 其他教学人员',
  'chinese-second-language-teacher': 'no 细类 for teaching Chinese as a foreign language; 2-08-99-00 其他教学人员',
  'music-teacher': 'training-school and private music teachers have no 细类; 2-08-99-00 其他教学人员',
  'art-teacher': 'training-school art teachers have no 细类; 2-08-99-00 其他教学人员',
  'dance-teacher': 'training-school dance teachers have no 细类; 2-08-99-00 其他教学人员',
  'technical-writer': 'no 细类 for technical documentation (技术编辑 is print layout); 2-10-02-00 编辑',
  'coding-instructor': 'children\'s coding teachers have no 细类; 2-08-99-00 其他教学人员',
  'registered-nurse': 'the 大典 splits nurses by department (内科护士, 外科护士, …); a general nurse is the 小类 2-05-08-00 护理人员',
  'nurse-practitioner': 'no 细类 for advanced-practice nurses; 2-05-08-00 护理人员',
  'licensed-practical-nurse': 'a US licence level with no Chinese 细类; 2-05-08-00 护理人员',
  'private-investigator': 'private investigation has no 细类 in China; 4-07-02-00 商务咨询服务人员',
  'insulation-worker': 'thermal insulation installers have no 细类 (only 保温材料制造工, a factory job); 6-29-00-00 建筑施工人员',
  'construction-site-supervisor': 'no 细类 for a site foreman (工长); 6-29-00-00 建筑施工人员',
  'construction-laborer': 'general site labourers are not one trade; 6-29-01-00 房屋建筑施工人员',
  'assembly-line-worker': 'a general factory operative (普工) spans every industry; 6-00-00-00 生产制造及有关人员',
  'food-processing-worker': 'the 大典 splits food work by product; a general food-plant operative is 6-02-00-00 食品、饮料生产加工人员',
  'production-supervisor': 'no 细类 for a line leader (班组长), whatever the industry; 6-00-00-00 生产制造及有关人员',
};

describe('2022 大典 codes (csco2022)', () => {
  it('reads a code list with every level', () => {
    expect(LEVEL.size).toBeGreaterThan(2000);
    expect(new Set(LEVEL.values())).toEqual(new Set([1, 2, 3, 4]));
    for (const code of LEVEL.keys()) expect(code).toMatch(/^[1-8]-\d\d-\d\d-\d\d$/);
  });

  it('gives every occupation at least one code, at most three', () => {
    for (const o of rb.occupations) {
      expect(o.codes.csco2022, o.id).toBeDefined();
      expect(o.codes.csco2022?.length ?? 0, o.id).toBeGreaterThanOrEqual(1);
      expect(o.codes.csco2022?.length ?? 0, o.id).toBeLessThanOrEqual(3);
    }
  });

  it('uses only codes that exist in the list, each once per entry', () => {
    for (const o of rb.occupations) {
      const codes = o.codes.csco2022 ?? [];
      for (const code of codes) expect(LEVEL.has(code), `${o.id}: ${code}`).toBe(true);
      expect(new Set(codes).size, o.id).toBe(codes.length);
    }
  });

  it('puts a detailed occupation (细类) first, except for the documented approximations', () => {
    const approximate = rb.occupations.filter((o) => LEVEL.get(o.codes.csco2022?.[0] ?? '') !== 4).map((o) => o.id);
    expect(approximate.sort()).toEqual(Object.keys(APPROXIMATIONS).sort());
  });

  it('lists only approximations that name an existing occupation', () => {
    for (const id of Object.keys(APPROXIMATIONS)) expect(rb.occupationById.has(id), id).toBe(true);
  });
});
