import { describe, expect, it } from 'vitest';
import { groupStats, renderGroups } from '../src/cli/roles-run.js';
import { SOC_MAJOR_GROUPS } from '../src/catalogue/groups.js';
import { runCli, shippedRuleBase } from './helpers.js';

const rb = shippedRuleBase();

describe('roles --groups', () => {
  it('lists every non-military SOC major group with its count and median neutral score (snapshot)', async () => {
    const stats = groupStats(rb, 'en');
    expect(stats.map((g) => g.group)).toEqual(Object.keys(SOC_MAJOR_GROUPS).sort());
    expect(stats.reduce((s, g) => s + g.occupations, 0)).toBe(rb.occupations.length);
    await expect(renderGroups(stats, rb, 'en')).toMatchFileSnapshot('__golden__/roles-groups.en.txt');
    await expect(renderGroups(groupStats(rb, 'zh'), rb, 'zh')).toMatchFileSnapshot('__golden__/roles-groups.zh.txt');
  });

  it('prints the same from the CLI, and JSON with --format json', () => {
    const text = runCli(['roles', '--groups']);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe(renderGroups(groupStats(rb, 'en'), rb, 'en'));
    const json = JSON.parse(runCli(['roles', '--groups', '--format', 'json']).stdout) as { group: string; occupations: number; medianScore: number }[];
    expect(json).toEqual(groupStats(rb, 'en'));
  });
});
