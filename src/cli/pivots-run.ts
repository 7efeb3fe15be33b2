/** The work of `career-risk pivots`, loaded when it runs: the engine, the pivot search and the renderers. */
import type { RuleBase } from '../engine/compile.js';
import { referenceProfile, scoreOf } from '../engine/evaluate.js';
import type { Pivot, PivotSettings } from '../engine/pivots.js';
import { findPivots, pivotSettings } from '../engine/pivots.js';
import { tableScores } from '../engine/headline-file.js';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { Profile } from '../model/profile.js';
import type { OccupationEntry } from '../engine/schema.js';
import { ruleBaseInfo } from '../engine/compile.js';
import { occupationTitleOf, profileLineOf, ruleBaseLine } from '../report/common.js';
import { terminalJson } from '../report/json.js';
import { mdEscape } from '../report/markdown.js';
import { pivotDetails, pivotHeading, pivotToJson } from '../report/pivots.js';
import { wrap } from '../report/text.js';
import { escapeControls } from '../util/terminal-text.js';
import type { Context } from './context.js';
import { UserError } from '../util/errors.js';
import { outputWidth } from '../util/io.js';
import { parseGivenAnswers } from '../model/answers.js';
import type { PivotsOptions } from './pivots.js';

export async function runPivots(ctx: Context, options: PivotsOptions): Promise<void> {
  const { io, lang } = ctx;
  const m = messages(lang);
  if (options.role === undefined) throw new UserError(m.pivots.missingRole, 2, [m.errors.seeHelp('pivots')]);
  const rb = await ctx.ruleBase();
  const given = parseGivenAnswers(rb, options, lang, (message) => ctx.notice(message));
  const occupation = rb.occupationById.get(given.occupation ?? '');
  if (!occupation) throw new Error('the role resolved to no occupation');
  const defaulted = given.seniority === undefined && given.repetitiveness === undefined && given.aiUsage === undefined;
  const ref = referenceProfile(rb, occupation.id);
  const profile: Profile = {
    occupation: occupation.id,
    seniority: given.seniority ?? ref.seniority,
    repetitiveness: given.repetitiveness ?? ref.repetitiveness,
    aiUsage: given.aiUsage ?? ref.aiUsage,
  };
  const base = pivotSettings(rb);
  const settings: PivotSettings = { ...base, minDrop: options.minDrop ?? base.minDrop };
  const score = scoreOf(rb, profile);
  const query = { profile, occupation: occupation, tasks: occupation.tasks, score, limit: options.limit, minDrop: settings.minDrop, excludeNewLicences: !options.licensed };
  const pivots = findPivots(rb, query, scoreOf, tableScores);
  const view: PivotsView = { rb, lang, profile, occupation: occupation, score, settings, pivots, defaulted, explain: options.explain === true };
  switch (options.format) {
    case 'json':
      io.stdout.write(terminalJson(pivotsJson(view)));
      return;
    case 'md':
      io.stdout.write(pivotsMarkdown(view));
      return;
    case 'text':
      io.stdout.write(pivotsText(view, ctx, outputWidth(io)));
  }
}

interface PivotsView {
  readonly rb: RuleBase;
  readonly lang: Lang;
  readonly profile: Profile;
  readonly occupation: OccupationEntry;
  readonly score: number;
  readonly settings: PivotSettings;
  readonly pivots: readonly Pivot[];
  readonly defaulted: boolean;
  readonly explain: boolean;
}

function profileText(v: PivotsView): string {
  const line = profileLineOf(v.profile, v.lang);
  return v.defaulted ? `${line} (${messages(v.lang).pivots.profileDefaulted})` : line;
}

function pivotsText(v: PivotsView, ctx: Context, width: number): string {
  const m = messages(v.lang);
  const { chalk } = ctx;
  const out: string[] = [];
  out.push(chalk.bold(m.pivots.title(occupationTitleOf(v.occupation, v.lang))));
  out.push(`${chalk.dim(`${m.report.profile}:`)} ${profileText(v)}`);
  out.push(`${chalk.dim(`${m.report.score}:`)} ${v.score}/100`);
  out.push(...wrap(m.pivots.note(v.settings.minDrop), width, '').map((l) => chalk.dim(l)));
  out.push('');
  if (v.pivots.length === 0) out.push(...wrap(m.pivots.noneHere(v.settings.minDrop), width, ''));
  v.pivots.forEach((p, i) => {
    out.push(chalk.bold(pivotHeading(p, v.score, i + 1, v.lang)));
    for (const line of pivotDetails(v.rb, p, v.lang, v.explain)) out.push(...wrap(line, width, '   '));
  });
  out.push('');
  out.push(chalk.dim(`${m.report.ruleBase}${m.report.colon}${ruleBaseLine(v.rb, v.lang)}`));
  return `${out.join('\n')}\n`;
}

function pivotsMarkdown(v: PivotsView): string {
  const m = messages(v.lang);
  const out: string[] = [];
  out.push(`# ${mdEscape(m.pivots.title(occupationTitleOf(v.occupation, v.lang)))}`, '');
  out.push(`- **${m.report.profile}:** ${mdEscape(profileText(v))}`);
  out.push(`- **${m.report.score}:** ${v.score}/100`, '');
  out.push(mdEscape(m.pivots.note(v.settings.minDrop)), '');
  if (v.pivots.length === 0) out.push(mdEscape(m.pivots.noneHere(v.settings.minDrop)), '');
  v.pivots.forEach((p, i) => {
    out.push(`${i + 1}. **${mdEscape(p.title[v.lang])}** — ${mdEscape(m.pivots.estimate(p.score, v.score, p.drop))} (\`${p.id}\`)`);
    for (const line of pivotDetails(v.rb, p, v.lang, v.explain)) out.push(`   - ${mdEscape(line)}`);
  });
  if (v.pivots.length > 0) out.push('');
  out.push(`_${m.report.ruleBase}${m.report.colon}${mdEscape(ruleBaseLine(v.rb, v.lang))}_`);
  return `${out.map(escapeControls).join('\n')}\n`;
}

function pivotsJson(v: PivotsView) {
  return {
    schemaVersion: 1,
    lang: v.lang,
    profile: { occupation: v.profile.occupation, seniority: v.profile.seniority, repetitiveness: v.profile.repetitiveness, aiUsage: v.profile.aiUsage },
    profileDefaulted: v.defaulted,
    occupation: { id: v.occupation.id, title: { en: v.occupation.title.en, zh: v.occupation.title.zh }, score: v.score, ...(v.occupation.licence ? { licence: v.occupation.licence[v.lang] } : {}) },
    settings: { minDrop: v.settings.minDrop, minOverlap: v.settings.minOverlap, crossFamilyLikeness: v.settings.crossFamilyLikeness },
    pivots: v.pivots.map((p) => pivotToJson(p, v.lang)),
    ruleBase: ruleBaseInfo(v.rb),
  };
}
