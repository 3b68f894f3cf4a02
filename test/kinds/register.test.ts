/**
 * Kinds are what the templates say, and every kind is numbered in the same register: a
 * workspace's own kind is issued, listed, validated and followed by an update; an update cites
 * the last letter on the case of any kind, under that kind's label.
 */
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, config, read, workspace } from '../helpers.js';
import { flat, seedFiles } from './fixtures.js';

describe("a workspace's own kind", () => {
  it('templates/memo.hbs makes memo: new, log, validate and an update after it all work', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/ali.yaml': caseFile('Ali Veli', [
        ['2020-01-10', 'Arrested at home.'],
        ['2020-02-01', 'Moved to Prison One.'],
      ]),
      'templates/memo.hbs': 'Memo {{reference}} on {{subject}} ({{label}})\n\n{{#each events}}\n- {{text}}\n{{/each}}\n',
    });
    const memo = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--kind', 'memo', '--date', '2020-01-15', '--json');
    expect(memo.stderr).toBe('');
    expect(JSON.parse(memo.stdout)).toMatchObject({ reference: '1/2020', kind: 'memo' });
    expect(read(dir, 'out/2020/1-ali-memo.txt')).toBe('Memo 1/2020 on Ali Veli (Memo)\n\n  • Arrested at home.\n');
    expect(read(dir, 'register/1.yaml')).toContain('kind: memo');
    expect(appeal(dir, 'log').stdout).toMatch(/^1\/2020\s+2020-01-15\s+ali\s+Memo\s/);
    const valid = appeal(dir, 'validate');
    expect(valid.stderr).toBe('');
    expect(valid.stdout).toBe('ok: 1 cases, 1 register entries\n');
    // The next letter on the case is an update, chained to the memo.
    const next = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-02-10', '--json');
    expect(next.stderr).toBe('');
    expect(JSON.parse(next.stdout)).toMatchObject({ reference: '2/2020', kind: 'update', update: 1 });
    const update = flat(read(dir, 'out/2020/2-ali-update-1.txt'));
    expect(update).toContain('Further to our Memo (Ref. 1/2020, Date 15 January 2020), please find enclosed Update No 1');
    expect(update).toContain('Moved to Prison One.');
    expect(update).not.toContain('Arrested at home.');
    expect(appeal(dir, 'validate').code).toBe(0);
    expect(appeal(dir, 'register', 'add', '--ref', '3/2020', '--date', '2020-02-11', '--case', 'ali', '--kind', 'memo').code).toBe(0);
  });
});

describe('every kind in one register', () => {
  it('an update after an open letter cites it as "our Open Letter"; numbers run on across kinds', () => {
    const files = seedFiles();
    const dir = workspace(files);
    const steps: [string[], string][] = [
      [['--case', 'huseynov', '--to', 'un-rapporteurs', '--date', '2018-12-27'], '1/2018'],
      [['--case', 'huseynov', '--to', 'president-azerbaijan', '--kind', 'concern', '--date', '2018-12-28'], '2/2018'],
      [['--case', 'iran', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2018-12-29'], '3/2018'],
      [['--case', 'huseynov', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2018-12-30'], '4/2018'],
      [['--case', 'huseynov', '--to', 'un-rapporteurs', '--date', '2019-01-06'], '5/2019'],
    ];
    for (const [args, reference] of steps) {
      const r = appeal(dir, 'new', ...args, '--json');
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).reference).toBe(reference);
    }
    const update = flat(read(dir, 'out/2019/5-huseynov-update-1.txt'));
    expect(update).toContain('Further to our Open Letter (Ref. 4/2018, Date 30 December 2018), please find enclosed Update No 1');
    expect(update).toContain('moved to the colony hospital');
    expect(update).not.toContain('hunger strike');
    const log = appeal(dir, 'log', '--case', 'huseynov').stdout.split('\n');
    const labels = ['Update No 1', 'Open Letter', 'Letter of Concern', 'Communication'];
    labels.forEach((what, k) => expect(log[k]).toMatch(new RegExp(`^\\S+\\s+\\S+\\s+huseynov\\s+${what} +[a-z]`)));
    expect(appeal(dir, 'validate').code).toBe(0);
  });
});
