/** SOC 2018 major groups (the taxonomy, not rule data): used to label and group occupations. */
import type { LocalText, OccupationEntry } from '../engine/schema.js';

export const SOC_MAJOR_GROUPS: Readonly<Record<string, LocalText>> = {
  '11': { en: 'Management', zh: '管理' },
  '13': { en: 'Business and financial operations', zh: '商务与金融' },
  '15': { en: 'Computer and mathematical', zh: '计算机与数学' },
  '17': { en: 'Architecture and engineering', zh: '建筑与工程' },
  '19': { en: 'Life, physical and social science', zh: '生命、物理与社会科学' },
  '21': { en: 'Community and social service', zh: '社区与社会服务' },
  '23': { en: 'Legal', zh: '法律' },
  '25': { en: 'Educational instruction and library', zh: '教育与图书馆' },
  '27': { en: 'Arts, design, entertainment, sports and media', zh: '艺术、设计、娱乐、体育与传媒' },
  '29': { en: 'Healthcare practitioners and technical', zh: '医疗专业与技术' },
  '31': { en: 'Healthcare support', zh: '医疗辅助' },
  '33': { en: 'Protective service', zh: '安保服务' },
  '35': { en: 'Food preparation and serving', zh: '餐饮制作与服务' },
  '37': { en: 'Building and grounds cleaning and maintenance', zh: '楼宇与场地清洁维护' },
  '39': { en: 'Personal care and service', zh: '个人护理与服务' },
  '41': { en: 'Sales and related', zh: '销售' },
  '43': { en: 'Office and administrative support', zh: '办公与行政支持' },
  '45': { en: 'Farming, fishing and forestry', zh: '农林牧渔' },
  '47': { en: 'Construction and extraction', zh: '建筑施工与采掘' },
  '49': { en: 'Installation, maintenance and repair', zh: '安装、维护与修理' },
  '51': { en: 'Production', zh: '生产制造' },
  '53': { en: 'Transportation and material moving', zh: '交通运输与物料搬运' },
};

export function socMajorGroup(soc2018: string): string {
  return soc2018.slice(0, 2);
}

/** The group's name, or undefined for a code that is not a major group (never a property of Object.prototype). */
export function majorGroupTitle(group: string): LocalText | undefined {
  return Object.hasOwn(SOC_MAJOR_GROUPS, group) ? SOC_MAJOR_GROUPS[group] : undefined;
}

export interface GroupMembers {
  readonly group: string;
  /** In catalogue order. */
  readonly occupations: readonly OccupationEntry[];
}

/**
 * The occupations of each SOC major group that has any, groups in code order.
 * One grouping for every view of the groups (`roles --groups`, the interactive
 * "not listed" path), so their counts always agree.
 */
export function occupationsByGroup(occupations: readonly OccupationEntry[]): GroupMembers[] {
  const byGroup = new Map<string, OccupationEntry[]>();
  for (const o of occupations) {
    const group = socMajorGroup(o.codes.soc2018);
    const list = byGroup.get(group) ?? [];
    list.push(o);
    byGroup.set(group, list);
  }
  return [...byGroup.keys()].sort().map((group) => ({ group, occupations: byGroup.get(group) ?? [] }));
}
