/** What every command needs: language, colour, the rule base (loaded once per process). */
import type { ChalkInstance } from 'chalk';
import type { RuleBase } from '../engine/compile.js';
import type { Lang } from '../i18n/index.js';
import { detectLang, messages, parseLang } from '../i18n/index.js';
import { colorLevel, makeChalk } from '../report/color.js';
import { EXIT, UserError } from '../util/errors.js';
import type { Io } from '../util/io.js';

export interface GlobalOptions {
  readonly lang?: string;
  readonly color?: boolean;
  readonly debug?: boolean;
  readonly rules?: readonly string[];
}

export interface Context {
  readonly io: Io;
  readonly lang: Lang;
  /** Colour for stdout. */
  readonly chalk: ChalkInstance;
  /** Colour for stderr (prompts, notices). */
  readonly errChalk: ChalkInstance;
  ruleBase(): Promise<RuleBase>;
  notice(line: string): void;
}

export function resolveLang(value: string | undefined, io: Io): Lang {
  if (value === undefined) return detectLang(io.env);
  const lang = parseLang(value);
  if (!lang) throw new UserError(messages(detectLang(io.env)).errors.badLang(value));
  return lang;
}

export function makeContext(options: GlobalOptions, io: Io): Context {
  const lang = resolveLang(options.lang, io);
  // `--rules "$PACK"` with PACK unset: path.resolve('') would be the working folder.
  if ((options.rules ?? []).includes('')) throw new UserError(messages(lang).files.needsPath('--rules'));
  const chalk = makeChalk(colorLevel({ flag: options.color, isTTY: io.stdout.isTTY === true, env: io.env }));
  const errChalk = makeChalk(colorLevel({ flag: options.color, isTTY: io.stderr.isTTY === true, env: io.env }));
  let cached: RuleBase | undefined;
  return {
    io,
    lang,
    chalk,
    errChalk,
    async ruleBase() {
      if (cached) return cached;
      // The engine loads on first use, so help and parse errors never pay for it.
      const [{ compileRuleBase }, { readShippedFromCache }, { formatProblem }] = await Promise.all([
        import('../engine/compile.js'),
        import('../engine/cache.js'),
        import('../engine/problems.js'),
      ]);
      const packs = options.rules ?? [];
      const fromCache = packs.length === 0 ? readShippedFromCache() : undefined;
      if (fromCache) {
        try {
          cached = compileRuleBase(fromCache);
          return cached;
        } catch {
          // A cache edited by hand (its hash still matching) that no longer compiles: load the rule files instead.
        }
      }
      // The full loader (YAML + schema validation) is only needed on a cache miss or with packs.
      const { loadRuleBase } = await import('../engine/load.js');
      const loaded = loadRuleBase({ packs, shippedSnapshot: true });
      if (!loaded.ok) {
        const m = messages(lang);
        throw new UserError(m.errors.ruleBase(loaded.problems.length), EXIT.usage, loaded.problems.map(formatProblem));
      }
      cached = compileRuleBase(loaded.ruleBase);
      return cached;
    },
    notice(line) {
      io.stderr.write(`${errChalk.dim(line)}\n`);
    },
  };
}
