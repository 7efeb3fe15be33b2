/**
 * The interface language applied to commander itself: the help of every command and
 * sub-command (from the table in help-zh.ts) and commander's own parse errors (through the
 * message catalogues). The language is decided before parsing (main.ts), so `--help` and a
 * mistyped option already speak it.
 */
import type { EventEmitter } from 'node:events';
import type { Argument, Command, HelpConfiguration, Option } from 'commander';
import { Help } from 'commander';
import type { Lang } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import { displayWidth as wideWidth } from '../report/width.js';
import { HELP_WORDS_ZH, HELP_ZH } from './help-zh.js';

/** A command's path below the program: '' for the program, 'rules validate' for a sub-command. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The program and every command and sub-command under it. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((c) => allCommands(c))];
}

/** The key of an option in the table: its long flag, or its short one. */
export function optionKey(option: Option): string {
  return option.long ?? option.short ?? option.flags;
}

/** What the zh help table lacks for this program: `assess --role`, `batch <file>`, `rules (description)` … */
export function missingZhHelp(program: Command): string[] {
  const missing: string[] = [];
  for (const cmd of allCommands(program)) {
    const path = commandPath(cmd);
    const entry = HELP_ZH[path];
    const where = path === '' ? 'career-risk' : path;
    if (!entry) {
      missing.push(`${where} (command)`);
      continue;
    }
    if (entry.description.trim() === '') missing.push(`${where} (description)`);
    for (const option of cmd.options) if (!entry.options[optionKey(option)]) missing.push(`${where} ${optionKey(option)}`);
    for (const argument of cmd.registeredArguments) if (!entry.arguments?.[argument.name()]) missing.push(`${where} <${argument.name()}>`);
    if (afterHelpListeners(cmd) > 0 && entry.after === undefined) missing.push(`${where} (text after the options)`);
  }
  return missing;
}

function emitter(cmd: Command): EventEmitter {
  // Command is an EventEmitter (addHelpText registers 'afterHelp' listeners); its typings do not say so.
  return cmd as unknown as EventEmitter;
}

function afterHelpListeners(cmd: Command): number {
  return emitter(cmd).listenerCount('afterHelp');
}

const STRIP_SGR = new RegExp(`${String.fromCharCode(27)}\\[\\d*(;\\d*)*m`, 'g');
/** Characters a line may break between (CJK and full-width forms), for wrapping only; widths come from width.ts. */
const WIDE_CHARS = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
const OPENING = '（“「《【‘';
const CLOSING = '，。、；：！？）」》】”’…';
/** Wrap units: a wide character or a run of narrow ones, holding on to the punctuation that may not start or end a line. */
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[${WIDE_CHARS}]|[^\\s${WIDE_CHARS}]+)[${CLOSING}]*`, 'gu');

/** Wraps at spaces and between Chinese characters, counting wide characters as two columns. */
export function wrapWide(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(CHUNK);
    if (chunks === null) {
      out.push('');
      continue;
    }
    let current = chunks[0] ?? '';
    for (const chunk of chunks.slice(1)) {
      if (wideWidth(current) + wideWidth(chunk) <= width) {
        current += chunk;
        continue;
      }
      out.push(current);
      current = chunk.trimStart();
    }
    out.push(current);
  }
  return out.join('\n');
}

const plain = new Help();
const zhPlaceholders = (usage: string): string => usage.replaceAll('[options]', HELP_WORDS_ZH.options).replaceAll('[command]', HELP_WORDS_ZH.command);
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function annotated(description: string, notes: readonly string[]): string {
  if (notes.length === 0) return description;
  const note = `（${notes.join(HELP_WORDS_ZH.annotationSeparator)}）`;
  return description ? `${description}${note}` : note;
}

/** "(choices: …, default: …)" in Chinese; an empty list as default (repeatable options) says nothing, so is left out. */
function optionNotes(option: Option): string[] {
  const notes: string[] = [];
  const w = HELP_WORDS_ZH;
  if (option.argChoices) notes.push(w.choices(option.argChoices.join(w.listSeparator)));
  const value: unknown = option.defaultValue;
  const emptyList = Array.isArray(value) && value.length === 0;
  if (value !== undefined && !emptyList && (option.required || option.optional || (option.isBoolean() && typeof value === 'boolean'))) {
    notes.push(w.default(option.defaultValueDescription ?? shown(value)));
  }
  const preset: unknown = option.presetArg;
  if (preset !== undefined && option.optional) notes.push(w.preset(shown(preset)));
  if (option.envVar !== undefined) notes.push(w.env(option.envVar));
  return notes;
}

function argumentNotes(argument: Argument): string[] {
  const notes: string[] = [];
  const w = HELP_WORDS_ZH;
  if (argument.argChoices) notes.push(w.choices(argument.argChoices.join(w.listSeparator)));
  const value: unknown = argument.defaultValue;
  if (value !== undefined) notes.push(w.default(argument.defaultValueDescription ?? shown(value)));
  return notes;
}

const ZH_HELP: HelpConfiguration = {
  styleTitle: (title: string) => HELP_WORDS_ZH.titles[title] ?? title,
  commandUsage: (cmd: Command) => zhPlaceholders(plain.commandUsage(cmd)),
  subcommandTerm: (cmd: Command) => zhPlaceholders(plain.subcommandTerm(cmd)),
  optionDescription: (option: Option) => annotated(option.description, optionNotes(option)),
  argumentDescription: (argument: Argument) => annotated(argument.description, argumentNotes(argument)),
  displayWidth: (text: string) => wideWidth(text.replace(STRIP_SGR, '')),
  boxWrap: (text: string, width: number) => (width < 40 ? text : wrapWide(text, width)),
};

/** Puts the Chinese help on every command of the program (a command missing from the table keeps its English). */
export function localiseHelp(program: Command, lang: Lang): void {
  if (lang !== 'zh') return;
  for (const cmd of allCommands(program)) {
    const entry = HELP_ZH[commandPath(cmd)];
    if (entry) {
      cmd.description(entry.description);
      for (const option of cmd.options) {
        const text = entry.options[optionKey(option)];
        if (text !== undefined) option.description = text;
      }
      for (const argument of cmd.registeredArguments) {
        const text = entry.arguments?.[argument.name()];
        if (text !== undefined) argument.description = text;
      }
      if (entry.after !== undefined) {
        emitter(cmd).removeAllListeners('afterHelp');
        cmd.addHelpText('after', entry.after);
      }
    }
    cmd.helpOption('-h, --help', HELP_WORDS_ZH.helpOption);
    if (cmd.commands.length > 0) cmd.helpCommand('help [command]', HELP_WORDS_ZH.helpCommand);
    cmd.configureHelp(ZH_HELP);
  }
}

const SUGGESTION = /\n\(Did you mean (?:one of )?([\s\S]*)\?\)$/;

/**
 * Commander's error text (`error: unknown option '--x'\n(Did you mean --y?)`) as our lines:
 * the message, then hints, in the language. Forms we do not know pass through unchanged.
 */
export function commanderErrorLines(text: string, lang: Lang): string[] {
  const m = messages(lang).commander;
  let body = text.replace(/\n$/, '');
  if (body.startsWith('error:')) body = body.slice('error:'.length).trimStart();
  const suggestion = SUGGESTION.exec(body);
  if (suggestion) body = body.slice(0, suggestion.index);
  const hints = suggestion ? [m.didYouMean((suggestion[1] ?? '').split(', ').join(m.suggestionSeparator))] : [];
  const match = (re: RegExp): string[] | undefined => re.exec(body)?.slice(1).map((s) => s ?? '');
  let line = body;
  let g: string[] | undefined;
  if ((g = match(/^unknown option '([\s\S]*)'$/))) line = m.unknownOption(g[0] ?? '');
  else if ((g = match(/^unknown command '([\s\S]*)'$/))) line = m.unknownCommand(g[0] ?? '');
  else if ((g = match(/^option '([^']*)' argument '([\s\S]*)' is invalid\. Allowed choices are ([\s\S]*)\.$/))) {
    line = m.invalidChoice(g[0] ?? '', g[1] ?? '', (g[2] ?? '').split(', ').join(m.suggestionSeparator));
  } else if ((g = match(/^option '([^']*)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/))) line = m.invalidValue(g[0] ?? '', g[1] ?? '', g[2] ?? '');
  else if ((g = match(/^option '([^']*)' argument missing$/))) line = m.missingOptionArgument(g[0] ?? '');
  else if ((g = match(/^missing required argument '([\s\S]*)'$/))) line = m.missingArgument(g[0] ?? '');
  else if ((g = match(/^too many arguments(?: for '([\s\S]*)')?\. Expected (\d+) arguments? but got (\d+)\.$/))) {
    line = m.excessArguments(g[0] ?? '', Number(g[1]), Number(g[2]));
  }
  return [line, ...hints];
}
