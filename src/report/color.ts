/**
 * Colour is decided here, once, and passed to renderers. chalk 5 does not read
 * NO_COLOR, so the rules of https://no-color.org and FORCE_COLOR are applied here.
 */
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorOptions {
  /** `--color` (true) / `--no-color` (false); undefined when neither was given. */
  readonly flag?: boolean | undefined;
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function colorLevel({ flag, isTTY, env }: ColorOptions): ColorLevel {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (flag === true) return 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  const colorterm = env.COLORTERM ?? '';
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if ((env.TERM ?? '').includes('256')) return 2;
  return 1;
}

export function makeChalk(level: ColorLevel): ChalkInstance {
  return new Chalk({ level });
}
