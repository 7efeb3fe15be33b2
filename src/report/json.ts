/**
 * The documented, versioned JSON form of an assessment (`--format json`, and
 * each row of batch JSON output). Keys are written in a fixed order, so the
 * same input and rule base always give the same bytes.
 * Bump SCHEMA_VERSION on any change that could break a consumer.
 */
import type { RuleBase } from '../engine/compile.js';
import { ruleBaseInfo } from '../engine/compile.js';
import type { Assessment } from '../engine/evaluate.js';
import type { Lang } from '../i18n/index.js';
import { inLang, sourceLabel, titleOf } from './common.js';
import { pivotToJson } from './pivots.js';

export const SCHEMA_VERSION = 2;

export function assessmentToJson(a: Assessment, rb: RuleBase, lang: Lang) {
  return {
    schemaVersion: SCHEMA_VERSION,
    lang,
    profile: {
      occupation: a.profile.occupation,
      seniority: a.profile.seniority,
      repetitiveness: a.profile.repetitiveness,
      aiUsage: a.profile.aiUsage,
    },
    occupation: {
      id: a.occupation.id,
      title: { en: a.occupation.title.en, zh: a.occupation.title.zh },
      codes: { isco08: a.occupation.codes.isco08, soc2018: a.occupation.codes.soc2018, csco2022: [...(a.occupation.codes.csco2022 ?? [])] },
    },
    score: a.score,
    band: a.band.id,
    bandLabel: a.band.label[lang],
    range: { low: a.range.low, high: a.range.high },
    augmentation: { score: a.augmentation.score, range: { low: a.augmentation.range.low, high: a.augmentation.range.high } },
    reading: a.reading ? { id: a.reading.id, text: a.reading.text[lang] } : null,
    exposure: { automation: a.exposure.automation, augmentation: a.exposure.augmentation },
    tasks: a.tasks.map((task) => ({
      category: task.category,
      label: rb.taskCategories.get(task.category)?.label[lang] ?? task.category,
      share: task.share,
      automation: task.automation,
      augmentation: task.augmentation,
      automationPoints: task.automationPoints,
      augmentationPoints: task.augmentationPoints,
    })),
    factors: a.factors.map((f) => ({
      id: f.id,
      group: f.group,
      label: f.label[lang],
      odds: f.odds,
      points: f.points,
      condition: f.condition,
      facts: [...f.facts],
      sources: [...f.sources],
      ...(f.assumption ? { assumption: f.assumption[lang] } : {}),
    })),
    lowLever: a.lowLever,
    advice: a.advice.map((item) => ({
      id: item.id,
      label: item.label[lang],
      why: item.why[lang],
      ...(item.learn ? { learn: item.learn[lang] } : {}),
      firstStep: item.firstStep[lang],
      step: item.step,
      scope: item.scope,
      moves: item.moves,
      scoreAfter: item.scoreAfter,
      reduction: item.reduction,
      facts: [...item.facts],
      sources: [...item.sources],
      ...(item.assumption ? { assumption: item.assumption[lang] } : {}),
    })),
    whatIfs: a.whatIfs.map((w) => ({ id: w.id, label: w.label[lang], scoreAfter: w.scoreAfter, change: w.change })),
    pivots: a.pivots.map((p) => pivotToJson(p, lang)),
    sources: a.sources.map((id) => {
      const s = rb.sources.get(id);
      return {
        id,
        label: sourceLabel(rb, id, lang),
        title: s ? titleOf(s, lang) : id,
        outlet: s ? inLang(s.outlet, lang) : '',
        author: s ? inLang(s.author, lang) : '',
        date: s?.date ?? '',
      };
    }),
    ruleBase: ruleBaseInfo(rb),
  };
}

export type AssessmentJson = ReturnType<typeof assessmentToJson>;

/**
 * Characters JSON.stringify leaves raw that a terminal may act on or break lines at:
 * DEL, C1 controls (U+009B is CSI), line and paragraph separators, bidi overrides.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Pretty JSON (2-space indent, trailing newline) that is safe to print on a terminal: the
 * characters above are written as \uXXXX escapes. They can occur only inside strings, so
 * the parsed value is unchanged.
 */
export function terminalJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

export function renderJson(a: Assessment, rb: RuleBase, lang: Lang): string {
  return terminalJson(assessmentToJson(a, rb, lang));
}
