/** Bars drawn with block characters: the score bar of a report and the bar charts of summaries. */

/** A 0–100 score as filled and empty blocks. */
export function scoreBar(score: number, width = 40): string {
  const filled = Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** A percentage as a bar in eighth-blocks, padded to `width` columns. */
export function bar(percent: number, width = 24): string {
  const eighths = Math.round((percent / 100) * width * 8);
  const full = Math.floor(eighths / 8);
  const part = eighths % 8;
  const partial = part === 0 ? '' : (['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][part] ?? '');
  return ('█'.repeat(full) + partial).padEnd(width, ' ');
}
