/**
 * The Chinese help: one entry per command path ('' is the program, 'rules validate' a
 * sub-command), with the command's description, each option's description keyed by its long
 * flag, each argument's keyed by its name, and the text shown after the lists (examples, exit
 * codes). Applied to the built program by localiseHelp (src/cli/localise-help.ts) when the
 * language is zh; test/help-zh.test.ts fails when a command, option or argument has no entry.
 *
 * Flags, ids, values and example commands stay as typed: they are what the user types.
 */
import { SEARCH_DATA_ATTRIBUTION } from '../catalogue/attribution.js';
import { FUZZY_NOTICES } from '../batch/input.js';
import { DEFAULT_LIMIT } from './pivots.js';
import { LIST_KINDS_HELP, SCHEMA_KINDS_HELP } from './rules.js';

export interface CommandHelpZh {
  readonly description: string;
  /** By long flag (`--role`), or the short one for an option without a long flag. */
  readonly options: Readonly<Record<string, string>>;
  /** By argument name (`file`, `paths`). */
  readonly arguments?: Readonly<Record<string, string>>;
  /** Replaces the English text after the option and command lists. */
  readonly after?: string;
}

/** Commander's section titles and annotations. */
export const HELP_WORDS_ZH = {
  titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' } as Readonly<Record<string, string>>,
  options: '[选项]',
  command: '[命令]',
  choices: (list: string) => `可选值：${list}`,
  default: (value: string) => `默认：${value}`,
  preset: (value: string) => `预设：${value}`,
  env: (name: string) => `环境变量：${name}`,
  listSeparator: '、',
  annotationSeparator: '；',
  helpOption: '显示帮助',
  helpCommand: '显示某个命令的帮助',
};

const RULES_PACK = '在内置规则之上叠加一个规则包（文件或文件夹）；可重复使用';
const RULES_PACK_FIRST = '先在内置规则之上叠加的规则包（文件或文件夹）；可重复使用';
const ROLE = '职业：目录 ID、中英文职位名或别名、SOC 代码（15-1252）或 isco:2512';

export const HELP_ZH: Readonly<Record<string, CommandHelpZh>> = {
  '': {
    description: '一份工作有多容易被AI替代？给出有依据、可解释的估计，以及提升技能的建议。',
    options: {
      '--version': '显示版本号',
      '--lang': '界面语言（帮助、提示、报告和错误信息）：en 或 zh（默认依次取自 LANGUAGE、LC_ALL、LC_MESSAGES、LANG；zh_TW、zh_HK 等繁体中文环境显示简体中文）',
      '--color': '即使不在终端中也强制使用颜色',
      '--no-color': '不使用颜色（也可设 NO_COLOR=1）',
      '--debug': '出错时显示调用栈',
    },
    after: `
示例：
  $ career-risk                      # 在终端中回答四个问题
  $ career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none
  $ career-risk assess -r 客服 -s 初级 -p 5 -a 不用 --lang zh --format md
  $ career-risk batch clients.csv --output results.csv --summary
  $ career-risk pivots --role customer-service-representative
  $ career-risk roles 设计
  $ career-risk sources
  $ career-risk rules validate && career-risk rules test

退出码：0 成功，1 内部错误，2 用法、输入或文件错误，3 批量评估完成但有被拒绝的行，
130 被中断（129、131、143：被 SIGHUP、SIGQUIT、SIGTERM 终止）。`,
  },
  assess: {
    description: '评估一个人：在终端中会询问参数没有给出的回答',
    options: {
      '--role': ROLE,
      '--seniority': 'intern | entry | mid | senior | lead | executive（也可用 实习、初级、中级、高级、经理、高管）',
      '--repetitiveness': '工作内容的重复度：1 = 每天都有新问题 … 5 = 每天都是同样的步骤',
      '--ai-usage': 'none | occasional | weekly | daily | builds（也可用 不用、偶尔、每周、每天、搭建）',
      '--format': '输出格式',
      '--explain': '附上完整推理：每条生效的规则、其条件、效果和来源',
      '--no-input': '从不提问；缺少回答即报错（退出码 2）',
      '--rules': RULES_PACK,
      '--brief': '只打印简要结果：估计值、等级、区间和最重要的建议',
    },
    after: `
示例：
  $ career-risk                                   # 交互式，在终端中
  $ career-risk assess --role translator --seniority entry --repetitiveness 4 --ai-usage none
  $ career-risk assess -r 会计 -s 初级 -p 5 -a 偶尔 --lang zh
  $ career-risk assess -r 15-1252 -s mid -p 2 -a daily --format json
  $ career-risk assess -r isco:2643 -s senior -p 3 -a weekly --format md > report.md
  $ career-risk assess -r "customer service" -s entry -p 5 -a none --explain`,
  },
  batch: {
    description: '评估 CSV 或 JSONL 文件中的每位客户；被拒绝的行会报告出来，但不会中止运行',
    arguments: { file: '客户文件（.csv 或 .jsonl），或用 - 表示标准输入' },
    options: {
      '--input-format': '输入格式（默认按文件扩展名判断；- 时为 csv）',
      '--format': '输出格式（默认：csv 输入输出 csv，jsonl 输入输出 jsonl）',
      '--output': '把结果写入 FILE（原子写入），而不是标准输出',
      '--errors': '把被拒绝的行原样写入 FILE（原子写入），并加上 reason 列',
      '--summary': '运行结束后在标准错误输出上打印案例汇总',
      '--summary-format': '汇总格式；md 和 json 需要 --summary-file',
      '--summary-file': '把汇总写入 FILE（原子写入）',
      '--strict': '遇到第一条被拒绝的行即停止，退出码 2，不写输出文件',
      '--strict-roles': '职业只能经别名或模糊搜索匹配的行按未知职业拒绝（请用 ID 或目录中的职位名）',
      '--template': '打印一份可直接填写的 CSV（表头和三行示例）后退出',
      '--rules': RULES_PACK,
      '--bom': '在 CSV 输出开头写入 UTF-8 字节顺序标记（BOM），让 Windows 上的 Excel 正确读出中文',
      '--compact': 'JSONL/JSON 输出：每行只给出与 CSV 相同的结果列（按列名），不给完整评估（每行不到 1 KB，而不是约 15 KB）',
      '--encoding': '输入文件的编码：utf8（默认）、gbk 或 gb18030（中文版 Excel 保存的 CSV）',
    },
    after: `
输入列：id（可选，原样保留）、role、seniority、repetitiveness、ai_usage；
assess 接受的取值写法这里都接受，中文也可以。其他列原样保留。
结果列以 occupation_id 和 match 开头：match 是 exact、alias 或 fuzzy，说明职业是如何找到的
（jsonl/json 中是 match 键）。经模糊搜索匹配的行会在标准错误输出上列出（前 ${FUZZY_NOTICES} 行，
之后只给行数）；--strict-roles 则拒绝这些行以及经别名匹配的行。

示例：
  $ career-risk batch --template > clients.csv
  $ career-risk batch clients.csv --output results.csv --errors rejected.csv --summary
  $ career-risk batch clients.jsonl --format json > results.json
  $ cat clients.csv | career-risk batch - --format jsonl
  $ career-risk batch clients.csv --summary --summary-format md --summary-file summary.md > results.csv

退出码：0 所有行都已评估，3 有被拒绝的行（加 --strict-roles 时，也包括不是精确匹配的职业），
2 用法错误、文件无法读取或写入（加 --strict 时也包括第一条被拒绝的行），130 被中断（Ctrl+C），
129/131/143 被 SIGHUP/SIGQUIT/SIGTERM 终止。输出文件要么完整写入，要么完全不写。`,
  },
  pivots: {
    description: '列出与某个职业相近（任务构成和代码）且风险更低的职业，以及共有的任务和需要拓展的方向',
    options: {
      '--role': `${ROLE}（必填）`,
      '--seniority': 'intern | entry | mid | senior | lead | executive（默认：中性情况）',
      '--repetitiveness': '工作内容的重复度，1–5（默认：中性情况）',
      '--ai-usage': 'none | occasional | weekly | daily | builds（默认：中性情况）',
      '--limit': `最多列出多少个方向（1–100）`,
      '--min-drop': '转岗方向的估计值至少要低多少分（1–100；默认取自规则库，为 10）',
      '--no-licensed': '不列出需要该职业所没有的执业资格的方向',
      '--format': '输出格式',
      '--explain': '显示每个方向的相似度（任务相似度、共有任务构成、代码接近度）和分数差',
      '--rules': RULES_PACK,
    },
    after: `
转岗方向是目录中的这样一个职业：保留该职业的部分主要任务，与其任务构成至少有三分之一重合，
属于同一代码族（同一 SOC 大类或更近）或任务非常相似，并且在同样的资历、重复度和AI使用情况下，
替代风险估计值至少低 10 分。按相似度排序：相似度 = 0.6 × 任务相似度（两个任务构成的余弦）
+ 0.4 × 代码接近度。assess 显示前 3 个无需新执业资格的方向；本命令列出更多（默认 ${DEFAULT_LIMIT} 个），
并标出需要执业资格的方向。

示例：
  $ career-risk pivots --role customer-service-representative
  $ career-risk pivots -r 会计 -s entry -p 4 -a none --lang zh
  $ career-risk pivots -r concept-artist --limit 20 --explain
  $ career-risk pivots -r software-developer --min-drop 3 --format json`,
  },
  roles: {
    description: '列出职业目录，或搜索它（中英文、职位名、别名、代码）',
    arguments: { query: '要搜索的词；不给则列出全部职业' },
    options: {
      '--format': '输出格式',
      '--limit': '最多显示 n 个结果（默认：搜索时 10 个，列出时全部）',
      '--groups': '显示每个 SOC 大类的职业数，以及中性情况下各职业估计值的中位数',
      '--rules': '在内置规则之上叠加一个规则包（文件或文件夹），其中的职业也会列出并可搜索；可重复使用',
    },
    after: `
示例：
  $ career-risk roles                      # 整个目录
  $ career-risk roles designer
  $ career-risk roles 客服
  $ career-risk roles 15-1252
  $ career-risk roles --groups
  $ career-risk roles --format json > catalogue.json

搜索也认得别名索引中的名称（O*NET 的其他职位名称、大典中的名称和别名），
并能纠正拼音输入法的错字（会记 → 会计）。所用数据（按其许可要求，保留原文）：
${SEARCH_DATA_ATTRIBUTION.map((line) => `  ${line}`).join('\n')}`,
  },
  sources: {
    description: '列出每份来源文件及其中的事实（转述、出处、位置、限定说明），以及使用每条事实的规则',
    arguments: { id: '一份来源（如 ittimes-2025）或一条事实（如 ittimes-2025/first-wave-roles）' },
    options: { '--format': '输出格式', '--rules': '在内置规则之上叠加一个规则包（文件或文件夹），其中的来源和事实也会列出；可重复使用' },
    after: `
示例：
  $ career-risk sources
  $ career-risk sources signalfire-2025
  $ career-risk sources --lang zh
  $ career-risk sources --format json`,
  },
  rules: {
    description: '校验、测试和查看规则文件（规则作者的工具）',
    options: {},
  },
  'rules validate': {
    description: '检查内置规则库，或叠加在其上的规则包，并打印每个问题',
    arguments: { paths: '要在内置规则之上校验的规则包（文件或文件夹）；其中的测试文件也会检查' },
    options: { '--format': '输出格式', '--rules': RULES_PACK_FIRST },
    after: `
每个问题打印为一行：file:line:col  key.path  message（文件、行、列，键路径，说明）。
退出码：0 有效，2 发现问题。

示例：
  $ career-risk rules validate
  $ career-risk rules validate examples/rule-pack
  $ career-risk rules validate my-pack.yaml --format json`,
  },
  'rules test': {
    description: '用规则库运行规则测试用例（*.test.yaml）',
    arguments: { paths: '测试文件或文件夹（默认：内置的 rules/tests/）' },
    options: { '--format': '输出格式', '--rules': RULES_PACK_FIRST },
    after: `
一个用例给出一个画像和预期：band、score {min, max}、fires / notFires（因素规则 ID）、
advice（必须出现的 ID；adviceInOrder: true 要求顺序一致）。todo: true 标记已知缺口：
会报告，但从不算失败。最后一行是“N passed, N failed”（有跳过的用例时还有“N skipped”），供脚本读取，保持英文。
退出码：0 全部通过，1 有用例失败，2 规则或测试文件无效。

示例：
  $ career-risk rules test
  $ career-risk rules test rules/tests/roles.test.yaml
  $ career-risk rules test --rules examples/rule-pack examples/rule-pack/tests
  $ career-risk rules test --format json > results.json`,
  },
  'rules schema': {
    description: '打印某类规则文件的 JSON Schema，由加载器自身的 schema 生成',
    arguments: { kind: `以下之一：${SCHEMA_KINDS_HELP.split(', ').join('、')}` },
    options: { '--out-dir': '改为把每一类写入 DIR/<kind>.schema.json' },
    after: `
示例：
  $ career-risk rules schema                      # 列出各类
  $ career-risk rules schema occupations > occupations.schema.json
  $ career-risk rules schema --out-dir rules/schema

在规则文件第一行写上  # yaml-language-server: $schema=<schema 的路径>  ，编辑器就能补全和检查它。`,
  },
  'rules list': {
    description: '按类型列出 rules show 可用的 ID，附名称和定义位置',
    arguments: { kind: `只列一种类型：${LIST_KINDS_HELP.split(', ').join('、')}` },
    options: { '--format': '输出格式', '--rules': RULES_PACK_FIRST },
    after: `
示例：
  $ career-risk rules list
  $ career-risk rules list factors
  $ career-risk rules list advice --lang zh
  $ career-risk rules list occupations --rules examples/rule-pack --format json`,
  },
  'rules show': {
    description: '显示一条规则、任务类别、职业或来源：文字、来源和覆盖它的测试用例',
    arguments: { id: 'ID（任务类别也可写作 task:<id>）' },
    options: { '--format': '输出格式', '--rules': RULES_PACK_FIRST },
    after: `
示例：
  $ career-risk rules show seniority-entry
  $ career-risk rules show translator --lang zh
  $ career-risk rules show task:writing
  $ career-risk rules show ittimes-2025 --format json`,
  },
};
