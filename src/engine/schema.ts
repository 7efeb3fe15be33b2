/**
 * The one source of truth for the shape of rule files. The loader validates
 * with it; `rules schema` (later) derives JSON Schema from it.
 */
import { z } from 'zod';
import { AI_USAGE_LEVELS, SENIORITY_LEVELS, SITUATIONS } from '../model/profile.js';
import { escapeControls, hasControls } from '../util/terminal-text.js';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = z.string().regex(ID_PATTERN, 'must be a kebab-case id (a-z, 0-9, hyphens)');
/** A fact's id: its source's id, a slash, and a kebab-case name (`ittimes-2025/first-wave-roles`). */
export const FACT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
const factId = z.string().regex(FACT_ID_PATTERN, 'must be a fact id: the source id, a slash and a kebab-case name (e.g. ittimes-2025/first-wave-roles)');

/**
 * Texts end up in reports, tables and terminals: a control character (ESC, BEL,
 * a C1 code, a line break, a bidi override …) could steer the terminal or break
 * the layout, so rule files may not hold one, not even as a YAML escape. The
 * shipped texts have none; a folded block (`>-`) still gives one line.
 */
const noControls = {
  check: (text: string): boolean => !hasControls(text),
  params: {
    error: (issue: { readonly input?: unknown }): string => {
      const text = typeof issue.input === 'string' ? issue.input : '';
      const found = Array.from(text).find((c) => hasControls(c)) ?? '';
      const lineBreak = found === '\n' || found === '\r' || found === '\u2028' || found === '\u2029';
      return `must not contain control characters (found ${escapeControls(found)})${lineBreak ? '; write the text on one line' : ''}`;
    },
  },
};

const nonEmpty = z.string().trim().min(1, 'must not be empty').refine(noControls.check, noControls.params);
export const localText = z.strictObject({ en: nonEmpty, zh: nonEmpty });
const localList = z.strictObject({
  en: z.array(nonEmpty).min(1, 'needs at least one alias'),
  zh: z.array(nonEmpty).min(1, 'needs at least one alias'),
});
const disabled = z.boolean().optional();

/**
 * What a rule rests on: the facts it cites, and/or an assumption stated in
 * words (a modelling choice no source makes). Every rule needs one or both.
 */
const evidence = {
  facts: z.array(factId).min(1, 'cite at least one fact, or leave `facts` out and state an `assumption`').optional(),
  assumption: localText.optional(),
};
const needsEvidence = {
  check: (rule: { readonly facts?: readonly string[] | undefined; readonly assumption?: unknown }): boolean => rule.facts !== undefined || rule.assumption !== undefined,
  params: { message: 'every rule needs `facts` (ids of the facts it rests on) or an `assumption` (en, zh), or both' },
};

const seniority = z.enum(SENIORITY_LEVELS);
const aiUsage = z.enum(AI_USAGE_LEVELS);
const level = z.number().int().min(1).max(5);
const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]);
const numberRange = (min: number, max: number) =>
  z.strictObject({ min: z.number().min(min).max(max).optional(), max: z.number().min(min).max(max).optional() });

export const conditionSchema = z.strictObject({
  occupation: oneOrMany(id).optional(),
  seniority: oneOrMany(seniority).optional(),
  repetitiveness: z.union([level, numberRange(1, 5)]).optional(),
  aiUsage: oneOrMany(aiUsage).optional(),
  socGroup: oneOrMany(z.string().regex(/^\d\d$/, 'must be a two-digit SOC major group')).optional(),
  /** SOC 2018 code or code family: `15`, `15-12`, `15-125`, `15-1252` (matched as a prefix). */
  soc: oneOrMany(z.string().regex(/^\d\d(-\d{1,4})?$/, 'must be a SOC 2018 code or its prefix, like 15, 15-12 or 15-1252')).optional(),
  /** ISCO-08 code or code family: `2`, `26`, `264`, `2643` (matched as a prefix). */
  isco: oneOrMany(z.string().regex(/^[0-9]{1,4}$/, 'must be an ISCO-08 code or its prefix, like 2, 26 or 2643')).optional(),
  tasks: z.record(id, numberRange(0, 100)).optional(),
});

export const simulationSchema = z.strictObject({
  aiUsage: aiUsage.optional(),
  seniority: seniority.optional(),
  repetitiveness: z.strictObject({ by: z.number().int().min(-4).max(4) }).optional(),
  shiftTasks: z
    .strictObject({ from: id.optional(), to: id, share: z.number().int().min(1).max(100) })
    .optional(),
});

/** How a source qualifies what it says; shown with the fact wherever it is cited. */
export const QUALIFIERS = ['draft', 'example', 'vendor-claim', 'may', 'survey', 'forecast', 'opinion', 'hypothetical', 'us-only', 'single-company', 'secondhand'] as const;

export const factSchema = z.strictObject({
  id: factId,
  /** Where in the source: a document's paragraph (its N-th non-blank line, title = 1), or a paper's page, section or table. */
  locator: z
    .strictObject({
      paragraph: z.number().int().min(1).optional(),
      page: nonEmpty.optional(),
      section: nonEmpty.optional(),
      table: nonEmpty.optional(),
    })
    .refine((l) => Object.keys(l).length > 0, { message: 'give at least one of paragraph, page, section, table' }),
  /** Who says it: a study, a named person, the outlet itself. */
  attribution: localText,
  /** A faithful paraphrase, in our own words. */
  text: localText,
  qualifiers: z.array(z.enum(QUALIFIERS)).optional(),
  caveat: localText.optional(),
  /** Shown by `sources`, used by no rule. */
  context: z.boolean().optional(),
  disabled,
});

export const sourceSchema = z.strictObject({
  id,
  title: localText,
  /** The title is ours, describing the piece: the document prints none (shown in brackets). */
  titleDescriptive: z.boolean().optional(),
  /** Short human label for reports: outlet (or first author et al.) and year. */
  label: localText.optional(),
  outlet: z.union([nonEmpty, localText]),
  author: z.union([nonEmpty, localText]),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  language: z.enum(['zh', 'en', 'ar']),
  kind: z.enum(['article', 'research', 'report']),
  url: z.url().refine(noControls.check, noControls.params).optional(),
  note: localText.optional(),
  disabled,
});

/**
 * Kinds of AI a task category's potentials cover: language and image models, speech
 * recognition and synthesis, computer vision, and autonomous machines and robots.
 */
export const AI_KINDS = ['language', 'image', 'speech', 'vision', 'robotics'] as const;

/** One of a task category's two potentials (automation, augmentation), with its own evidence. */
export const potentialSchema = z.strictObject({
  /** 0–100: how much of a job made only of this task AI could do instead of a person (automation), or make a person faster or better at (augmentation). */
  potential: z.number().min(0).max(100),
  /** ± points; a potential that states an assumption counts it wider (ruleset `range.assumptionWidening`). */
  uncertainty: z.number().min(0).max(50),
  rationale: localText,
  ...evidence,
}).refine(needsEvidence.check, needsEvidence.params);

export const taskCategorySchema = z.strictObject({
  id,
  label: localText,
  /** Which kinds of AI the potentials speak of. */
  ai: z.array(z.enum(AI_KINDS)).min(1, 'name at least one kind of AI'),
  automation: potentialSchema,
  augmentation: potentialSchema,
  disabled,
});

export const occupationSchema = z.strictObject({
  id,
  title: localText,
  aliases: localList,
  description: localText,
  codes: z.strictObject({
    isco08: z.string().regex(/^[1-9]\d{3}$/, 'must be a 4-digit ISCO-08 unit group code (not armed forces)'),
    soc2018: z.string().regex(/^\d\d-\d{4}$/, 'must be a SOC 2018 detailed code like 15-1252'),
    /** Codes of the matching occupations in China's 2022 occupational classification (职业分类大典), most fitting first. */
    csco2022: z.array(z.string().regex(/^[1-8]-\d\d-\d\d-\d\d$/, 'must be a 2022 大典 code like 2-02-10-03')).min(1).optional(),
    /** Code systems for which this entry answers a bare code lookup when several entries share the code. */
    primary: z.array(z.enum(['isco08', 'soc2018'])).min(1).optional(),
  }),
  tasks: z.record(id, z.number().int().min(1).max(100)),
  /** The licence or registration the work legally needs (where it is commonly required); shown with pivots. */
  licence: localText.optional(),
  facts: z.array(factId).min(1).optional(),
  disabled,
});

export const FACTOR_GROUPS = ['seniority', 'repetitiveness', 'ai-usage', 'role'] as const;

/**
 * What a factor scales with. `augmentation`: the factor's effect grows with the job's
 * augmentation share (AI use protects where AI helps a person and barely at all where
 * AI adds little): effective odds = 1 + (odds − 1) × augmentation share.
 */
export const FACTOR_SCALES = ['augmentation'] as const;

export const factorSchema = z.strictObject({
  id,
  group: z.enum(FACTOR_GROUPS),
  label: localText,
  when: conditionSchema,
  /**
   * Multiplies the odds of the job's automation share (1 = no effect, above 1 raises, below 1
   * lowers). Where little is exposed the score moves little; it never reaches 0 or 100.
   */
  odds: z.number().min(0.1).max(10),
  /** ± on `odds`: the range is computed with every odds at its low and at its high end. */
  uncertainty: z.number().min(0).max(5).optional(),
  scaleWith: z.enum(FACTOR_SCALES).optional(),
  ...evidence,
  disabled,
}).refine(needsEvidence.check, needsEvidence.params)
  .refine((f) => f.uncertainty === undefined || f.uncertainty < f.odds, { message: '`uncertainty` must be below `odds` (odds stay above 0 at the low end)', path: ['uncertainty'] });

/** One first step for everyone, or one per situation (every situation the advice can reach needs one). */
export const firstStepSchema = z.union([
  localText,
  z.strictObject({ learner: localText.optional(), employee: localText.optional(), lead: localText.optional() })
    .refine((s) => Object.keys(s).length > 0, { message: 'give a first step for at least one of learner, employee, lead' }),
]);

export const adviceSchema = z.strictObject({
  id,
  label: localText,
  /** What to learn: the kind of tool or skill, named for this work. */
  learn: localText.optional(),
  why: localText,
  firstStep: firstStepSchema,
  when: conditionSchema,
  /**
   * The profile after following the advice; the advice is ranked by how far this moves the
   * estimate. Without it the advice does not claim to move the estimate: it is shown only when
   * nothing else moves it much (ruleset `advice.lowLever`), as what helps instead.
   */
  simulate: simulationSchema.optional(),
  ...evidence,
  disabled,
}).refine(needsEvidence.check, needsEvidence.params);

export const whatIfSchema = z.strictObject({
  id,
  label: localText,
  when: conditionSchema,
  simulate: simulationSchema,
  ...evidence,
  disabled,
}).refine(needsEvidence.check, needsEvidence.params);

export const bandSchema = z.strictObject({
  id,
  label: localText,
  from: z.number().int().min(0).max(100),
});

export const readingSchema = z.strictObject({
  id,
  text: localText,
  when: z.strictObject({
    score: numberRange(0, 100).optional(),
    augmentation: numberRange(0, 100).optional(),
    /** Augmentation minus replacement score. */
    gap: numberRange(-100, 100).optional(),
  }),
});

export const rulesetSchema = z.strictObject({
  /** One name, or one per language (reports show the report language's). */
  name: z.union([nonEmpty, localText]),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.0.0'),
  description: localText.optional(),
  reference: z.strictObject({ seniority, repetitiveness: level, aiUsage }),
  bands: z.array(bandSchema).min(2),
  /**
   * How much advice to show: at most `max`. `lowLever`: when no advice would move the estimate by
   * at least this many points, the report says so and shows the advice that helps without moving
   * it. `min` (format 1) is read and ignored: advice that moves nothing is no longer padded in.
   */
  advice: z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(1), lowLever: z.number().int().min(0).max(100).optional() }),
  whatIfs: z.strictObject({ max: z.number().int().min(0) }),
  /** How much wider a term that rests on a stated assumption counts in the range (1 = no wider). */
  range: z.strictObject({ assumptionWidening: z.number().min(1).max(5) }).optional(),
  /**
   * Career pivots: at most `show` in a report; a pivot scores at least `minDrop` points lower,
   * keeps some of the main task, shares at least `minOverlap` points of the task mix, and is in
   * the same code family or at least `crossFamilyLikeness` alike in tasks (cosine of the task
   * mixes); defaults 3, 10, 34, 0.85.
   */
  pivots: z
    .strictObject({
      show: z.number().int().min(0).max(10).optional(),
      minDrop: z.number().int().min(1).max(100).optional(),
      minOverlap: z.number().int().min(1).max(100).optional(),
      crossFamilyLikeness: z.number().min(0).max(1).optional(),
    })
    .optional(),
  /** One-line readings of the pair (replacement score, augmentation score), first match wins; the last should match always. */
  readings: z.array(readingSchema).min(1).optional(),
});

/** A rule file may hold any of these collections. */
export const ruleFileSchema = z.strictObject({
  ruleset: rulesetSchema.optional(),
  sources: z.array(sourceSchema).optional(),
  facts: z.array(factSchema).optional(),
  taskCategories: z.array(taskCategorySchema).optional(),
  occupations: z.array(occupationSchema).optional(),
  factors: z.array(factorSchema).optional(),
  advice: z.array(adviceSchema).optional(),
  whatIfs: z.array(whatIfSchema).optional(),
});

export type RuleFile = z.infer<typeof ruleFileSchema>;

/** A rule test file (`*.test.yaml`): cases of profile → expectations, run by `rules test`. */
export const testCaseSchema = z.strictObject({
  name: nonEmpty,
  profile: z.strictObject({ occupation: id, seniority, repetitiveness: level, aiUsage }),
  expect: z.strictObject({
    band: id.optional(),
    score: numberRange(0, 100).optional(),
    fires: z.array(id).optional(),
    notFires: z.array(id).optional(),
    advice: z.array(id).optional(),
    adviceInOrder: z.boolean().optional(),
    /** Advice that must be shown with the first step written for this situation (`all`: its one first step). */
    firstSteps: z.record(id, z.enum([...SITUATIONS, 'all'])).optional(),
    /** Whether the report must say that nothing moves the estimate much (ruleset `advice.lowLever`). */
    lowLever: z.boolean().optional(),
  }),
  todo: z.boolean().optional(),
});

export const testFileSchema = z.strictObject({ tests: z.array(testCaseSchema).min(1, 'a test file needs at least one case') });

export type TestCase = z.infer<typeof testCaseSchema>;
export type TestFile = z.infer<typeof testFileSchema>;
export type SourceEntry = z.infer<typeof sourceSchema>;
export type FactEntry = z.infer<typeof factSchema>;
export type Qualifier = (typeof QUALIFIERS)[number];
export type TaskCategoryEntry = z.infer<typeof taskCategorySchema>;
export type PotentialEntry = z.infer<typeof potentialSchema>;
export type ReadingEntry = z.infer<typeof readingSchema>;
export type AiKind = (typeof AI_KINDS)[number];
export type OccupationEntry = z.infer<typeof occupationSchema>;
export type FactorEntry = z.infer<typeof factorSchema>;
export type AdviceEntry = z.infer<typeof adviceSchema>;
export type WhatIfEntry = z.infer<typeof whatIfSchema>;
export type RulesetEntry = z.infer<typeof rulesetSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type Simulation = z.infer<typeof simulationSchema>;
export type FirstStep = z.infer<typeof firstStepSchema>;
export type LocalText = z.infer<typeof localText>;

/** The collections that hold id-keyed entries, in the order they are merged and checked. */
export const COLLECTIONS = ['sources', 'facts', 'taskCategories', 'occupations', 'factors', 'advice', 'whatIfs'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
