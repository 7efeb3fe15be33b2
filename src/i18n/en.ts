/**
 * English user-facing text. Every key here must exist in zh.ts (the type enforces it).
 * A message that quotes what the user typed passes it through echo(): escaped for the
 * terminal and cut, so neither a control sequence nor a 100 KB value reaches stderr.
 */
import type { AiUsage, Repetitiveness, Seniority } from '../model/profile.js';
import { echo } from '../util/terminal-text.js';

export const en = {
  seniority: {
    intern: { name: 'Intern or student', hint: 'still studying or on an internship' },
    entry: { name: 'Entry (0–2 years)', hint: 'new graduate or junior' },
    mid: { name: 'Mid (2–5 years)', hint: 'works independently' },
    senior: { name: 'Senior (5–10 years)', hint: 'go-to person for hard problems' },
    lead: { name: 'Lead or manager', hint: 'leads a team or a practice' },
    executive: { name: 'Executive', hint: 'director, VP or C-level' },
  } satisfies Record<Seniority, { name: string; hint: string }>,
  repetitiveness: {
    1: { name: '1 – almost never the same', hint: 'almost every day brings problems no one has solved before' },
    2: { name: '2 – mostly varied', hint: 'some routines, but most days need fresh judgement' },
    3: { name: '3 – a mix', hint: 'about half routine steps, half new situations' },
    4: { name: '4 – mostly routine', hint: 'most days follow the same steps, with occasional exceptions' },
    5: { name: '5 – highly repetitive', hint: 'the same steps, by the same rules, nearly every day' },
  } satisfies Record<Repetitiveness, { name: string; hint: string }>,
  aiUsage: {
    none: { name: 'None', hint: 'I do not use AI tools at work' },
    occasional: { name: 'Occasional', hint: 'a few times a month' },
    weekly: { name: 'Weekly', hint: 'part of my work every week' },
    daily: { name: 'Daily', hint: 'I use AI tools every working day' },
    builds: { name: 'Builds AI tools or workflows', hint: 'I build prompts, agents or automations others use' },
  } satisfies Record<AiUsage, { name: string; hint: string }>,
  prompt: {
    role: 'What is your job? Type to search (English or Chinese, title, alias or code)',
    roleEmpty: 'Type a job title, e.g. "translator", "会计" or "15-1252"',
    roleNoMatch: 'No matching role yet. Try another word or a code.',
    seniority: 'How senior are you?',
    repetitiveness: 'How repetitive are your tasks?',
    aiUsage: 'How much do you use AI tools at work?',
    cancelled: 'Cancelled.',
    keys: { navigate: 'navigate', select: 'select' } as Record<string, string>,
  },
  report: {
    title: 'AI replacement-risk estimate',
    occupation: 'Occupation',
    codes: 'Codes',
    profile: 'Profile',
    score: 'Risk score',
    band: 'band',
    range: 'range',
    baseline: 'Occupation baseline from its task mix',
    factors: 'What moved the score',
    factorHeader: { points: 'Points', factor: 'Factor', sources: 'Sources' },
    baselineRow: 'Task-mix baseline',
    noFactors: 'No person-specific factor applied: this is the occupation baseline.',
    tasks: 'Task mix',
    taskHeader: { category: 'Task category', share: 'Share', susceptibility: 'AI susceptibility', points: 'Points' },
    advice: 'What to learn next',
    why: 'Why',
    firstStep: 'First step',
    lowers: (from: number, to: number) => `lowers your score ${from} → ${to}`,
    noChange: 'keeps your score where it is',
    whatIf: 'What if',
    trace: 'Trace (every rule that fired)',
    traceHeader: { rule: 'Rule', condition: 'Condition', effect: 'Effect', sources: 'Sources' },
    sources: 'Sources',
    ruleBase: 'Rule base',
    packs: 'Rule packs',
    disclaimer: 'Indicative estimate from cited rules, not a forecast. Run with --explain for the full trace.',
    seniority: 'seniority',
    repetitivenessShort: 'repetitiveness',
    aiUsageShort: 'AI use',
  },
  roles: {
    header: { id: 'Id', title: 'Title', group: 'Group', codes: 'ISCO-08 / SOC' },
    count: (n: number, total: number) => `${n} of ${total} occupations`,
    none: (q: string) => `No occupation matches "${echo(q)}".`,
    groupsHeader: { group: 'SOC major group', count: 'Roles', median: 'Median' },
    groupsNote: (seniority: string, repetitiveness: string, ai: string) =>
      `Median score of each group's occupations for a neutral profile: ${seniority}, repetitiveness ${repetitiveness}, AI use ${ai}.`,
  },
  sources: {
    header: { id: 'Id', title: 'Title', outlet: 'Outlet', author: 'Author', date: 'Date', lang: 'Lang', citedBy: 'Cited by' },
  },
  errors: {
    missing: (flags: string) => `missing answers: pass ${flags} (or run on a terminal to be asked)`,
    unknownRole: (q: string) => `no occupation clearly matches "${echo(q)}"`,
    ambiguousRole: (q: string) => `"${echo(q)}" matches more than one occupation`,
    didYouMean: (list: string) => `did you mean: ${list}?`,
    tryRoles: 'run `career-risk roles <words>` to search the catalogue',
    badValue: (flag: string, value: string, allowed: string) => `invalid value "${echo(value)}" for ${flag}; use one of: ${allowed}`,
    badLang: (value: string) => `unsupported language "${echo(value)}"; use en or zh`,
    roleTooLong: (field: string, length: number, max: number) => `${field} is ${length} characters long; at most ${max} are accepted`,
    noTty: 'no terminal to ask questions on',
    ruleBase: (n: number) => `the rule base has ${n} problem${n === 1 ? '' : 's'}:`,
  },
  batch: {
    summaryTitle: (n: number) => `Caseload summary (${n} assessed)`,
    rowsLine: (n: number, a: number, r: number) => `${n} rows: ${a} assessed, ${r} rejected`,
    meanMedian: (mean: number | null, median: number | null) => `Mean score ${mean ?? '–'} · median ${median ?? '–'}`,
    topAdvice: 'Most frequent advice',
    rolesNotFound: 'Roles not found',
    band: 'Band',
    count: 'Count',
    share: 'Share',
    interrupted: 'Interrupted: no output file was written.',
    strictStop: 'stopped at the first rejected row (--strict); no output file was written',
    noFile: 'missing the client file: pass a CSV or JSONL file, or - for standard input (see --template)',
    cannotRead: (file: string, why: string) => `cannot read ${file}: ${why}`,
    unknownFormat: (file: string) => `cannot tell the format of ${file} from its extension; pass --input-format csv or jsonl`,
    missingColumns: (file: string, columns: string, found: string) => `${file}:1: missing column ${columns} (found: ${found})`,
    summaryFileNeedsFormat: '--summary-format md or json writes to a file: pass --summary-file FILE',
    interruptedStdout: 'Interrupted: the results already on standard output are incomplete.',
    emptyInput: (file: string) => `${file}: the file is empty (no header line); a client file starts with a header such as id,role,seniority,repetitiveness,ai_usage`,
    noJsonLines: (file: string) => `${file}: the file holds no JSON lines; each line is one client, e.g. {"id":"c1","role":"translator","seniority":"entry","repetitiveness":4,"ai_usage":"none"}`,
    duplicateColumn: (file: string, column: string, a: number, b: number) => `${file}:1: column ${column} appears twice (columns ${a} and ${b}); keep one`,
    duplicateKey: (key: string, names: string) => `${key} is given twice (${names}); keep one`,
    quoteInField: 'a quote inside an unquoted field; quote the whole field and double the quote in it, e.g. "5\'10"" tall"',
    textAfterQuote: 'text after a closing quote; a quote inside a quoted field must be doubled, e.g. "the ""best"" one"',
    unclosedQuoteLine: (endsAt: number | 'eof') =>
      `a quote opened on this line is not closed ${endsAt === 'eof' ? 'before the end of the file' : `(the next quote, on line ${endsAt}, does not close it properly)`}; only this line was set aside and the lines after it were read as rows`,
    tooLong: (start: number, end: number, cap: string) =>
      `record is longer than the limit of ${cap} characters (${start === end ? `line ${start}` : `lines ${start}–${end}`}); its text is not kept`,
    lineTooLong: (cap: string) => `line is longer than the limit of ${cap} characters; its text is not kept`,
    tooDeep: (limit: number) => `value nested deeper than ${limit} levels`,
    fatalQuote: (file: string, line: number, end: number | 'eof', cap: string) =>
      `${file}:${line}: a quote opened on this line is not closed within the record limit of ${cap} characters (it runs ${end === 'eof' ? 'to the end of the file' : `to line ${end}`}), so the rows after it cannot be told apart; close or remove the quote and run again (no output file was written)`,
    notUtf8: (file: string, line: number) =>
      `${file}:${line}: warning: the file is not valid UTF-8 (first on this line); such bytes were read as "\uFFFD". Save the file as UTF-8 (in Excel: "CSV UTF-8") and run again`,
    unexpectedParse: (message: string) => `unreadable CSV record: ${message}`,
    ragged: (n: number, m: number, extra: string) => `row has ${n} fields but the header has ${m} (extra: ${extra})`,
  },
  notice: {
    matched: (q: string, role: string) => `matched "${echo(q)}" to ${role}`,
  },
};

export type Messages = typeof en;
