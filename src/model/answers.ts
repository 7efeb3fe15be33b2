/**
 * Turns raw answers (flags, batch cells, prompt results) into a Profile,
 * with errors that say exactly what to pass instead. Shared by assess and batch.
 *
 * Messages quote the input escaped and cut (echo(), inside the message functions of
 * src/i18n), and role names from the rule base escaped: batch prints these same messages
 * as per-row diagnostics, so a CSV cell cannot steer the terminal or forge lines.
 */
import type { RuleBase } from '../engine/compile.js';
import type { OccupationEntry } from '../engine/schema.js';
import type { MatchKind } from '../catalogue/search.js';
import { MAX_ROLE_CHARS, matchKindOf, resolveRole, roleLength } from '../catalogue/search.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { AiUsage, Repetitiveness, Seniority } from './profile.js';
import { AI_USAGE_LEVELS, parseAiUsage, parseRepetitiveness, parseSeniority, REPETITIVENESS_LEVELS, SENIORITY_LEVELS } from './profile.js';
import { escapeControls } from '../util/terminal-text.js';
import { UserError } from '../util/errors.js';

export interface RawAnswers {
  readonly role?: string | undefined;
  readonly seniority?: string | undefined;
  readonly repetitiveness?: string | undefined;
  readonly aiUsage?: string | undefined;
}

/** Field names as the user sees them (flag names for assess). */
export interface FieldNames {
  readonly role: string;
  readonly seniority: string;
  readonly repetitiveness: string;
  readonly aiUsage: string;
}

export const FLAG_NAMES: FieldNames = {
  role: '--role',
  seniority: '--seniority',
  repetitiveness: '--repetitiveness',
  aiUsage: '--ai-usage',
};

/** A field-level error: which field, and the message. */
export class FieldError extends UserError {
  constructor(
    readonly field: keyof RawAnswers,
    message: string,
    hints: readonly string[] = [],
    /** For roles: whether nothing matched clearly, or several roles matched. */
    readonly result?: 'none' | 'ambiguous',
  ) {
    super(message, 2, hints);
  }
}

/** "Translator (translator)": rule-base text, escaped for the terminal (a pack may supply it). */
export function roleLabel(o: OccupationEntry, lang: Lang): string {
  return escapeControls(lang === 'zh' ? `${o.title.zh} (${o.id})` : `${o.title.en} (${o.id})`);
}

export interface RoleMatch {
  readonly occupation: OccupationEntry;
  /** True when found by fuzzy search rather than an exact id, code, title or alias. */
  readonly fuzzy: boolean;
  /** exact (id, code, catalogue title or alias), alias (derived alias index) or fuzzy (search). */
  readonly match: MatchKind;
}

export function parseRole(rb: RuleBase, raw: string, lang: Lang, names: FieldNames = FLAG_NAMES): RoleMatch {
  const m = messages(lang);
  // Bounded work: a longer text is refused before any search runs (no job title is this long).
  if (raw.trim() === '') throw new FieldError('role', `${names.role}: ${m.errors.emptyValue}`, [m.errors.tryRoles, m.errors.tryGroups], 'none');
  const length = roleLength(raw.trim());
  if (length > MAX_ROLE_CHARS) throw new FieldError('role', m.errors.roleTooLong(names.role, length, MAX_ROLE_CHARS), [m.errors.tryRoles]);
  const result = resolveRole(rb, raw);
  if (result.kind === 'match') return { occupation: result.occupation, fuzzy: result.how === 'search', match: matchKindOf(result.how) };
  const list = (result.kind === 'ambiguous' ? result.candidates : result.suggestions).map((o) => roleLabel(o, lang));
  const head = result.kind === 'ambiguous' ? m.errors.ambiguousRole(raw) : m.errors.unknownRole(raw);
  const message = list.length > 0 ? `${names.role}: ${head}; ${m.errors.didYouMean(list.join(', '))}` : `${names.role}: ${head}`;
  // Nothing close: the groups are a way in that needs no matching word. (Several roles matched: the list says which.)
  const hints = result.kind === 'none' ? [m.errors.tryRoles, m.errors.tryGroups] : [m.errors.tryRoles];
  throw new FieldError('role', message, hints, result.kind);
}

/** The allowed values of a field, each with the word the UI uses for it where that differs (初级 beside entry). */
function allowed<T extends string | number>(levels: readonly T[], lang: Lang, words?: Readonly<Record<T, string>>): string {
  const e = messages(lang).errors;
  return levels.map((level) => e.allowedItem(String(level), words ? words[level] : String(level))).join(e.allowedSeparator);
}

export function parseSeniorityAnswer(raw: string, lang: Lang, names: FieldNames = FLAG_NAMES): Seniority {
  const value = parseSeniority(raw);
  if (value) return value;
  throw new FieldError('seniority', messages(lang).errors.badValue(names.seniority, raw, allowed(SENIORITY_LEVELS, lang, messages(lang).errors.levelWords.seniority)));
}

export function parseRepetitivenessAnswer(raw: string, lang: Lang, names: FieldNames = FLAG_NAMES): Repetitiveness {
  const value = parseRepetitiveness(raw);
  if (value) return value;
  throw new FieldError('repetitiveness', messages(lang).errors.badValue(names.repetitiveness, raw, allowed(REPETITIVENESS_LEVELS, lang)));
}

export function parseAiUsageAnswer(raw: string, lang: Lang, names: FieldNames = FLAG_NAMES): AiUsage {
  const value = parseAiUsage(raw);
  if (value) return value;
  throw new FieldError('aiUsage', messages(lang).errors.badValue(names.aiUsage, raw, allowed(AI_USAGE_LEVELS, lang, messages(lang).errors.levelWords.aiUsage)));
}

/** The answers given as flags, each parsed (a bad one is an error); a fuzzy role match is reported through `notice`. */
export function parseGivenAnswers(
  rb: RuleBase,
  given: RawAnswers,
  lang: Lang,
  notice: (message: string) => void,
): { occupation?: string; seniority?: Seniority; repetitiveness?: Repetitiveness; aiUsage?: AiUsage } {
  const answers: { occupation?: string; seniority?: Seniority; repetitiveness?: Repetitiveness; aiUsage?: AiUsage } = {};
  if (given.role !== undefined) {
    const match = parseRole(rb, given.role, lang);
    answers.occupation = match.occupation.id;
    if (match.fuzzy) notice(messages(lang).notice.matched(given.role, roleLabel(match.occupation, lang)));
  }
  if (given.seniority !== undefined) answers.seniority = parseSeniorityAnswer(given.seniority, lang);
  if (given.repetitiveness !== undefined) answers.repetitiveness = parseRepetitivenessAnswer(given.repetitiveness, lang);
  if (given.aiUsage !== undefined) answers.aiUsage = parseAiUsageAnswer(given.aiUsage, lang);
  return answers;
}
