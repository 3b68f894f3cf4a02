/** The example workspace's letters, each checked whole against its golden file. */
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { appeal, REPO, snapshot } from './helpers.js';

const LETTERS: { name: string; args: string[] }[] = [
  { name: 'seed-000-update.txt', args: ['--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'] },
  {
    name: 'seed-004-open-letter.txt',
    args: ['--case', 'iran-political-prisoners', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-31'],
  },
  {
    name: 'seed-002-appeal.txt',
    args: ['--case', 'october-2019-rallies', '--to', 'torture-bodies', '--kind', 'appeal', '--date', '2019-10-28'],
  },
  {
    name: 'seed-001-concern.txt',
    args: ['--case', 'mehman-huseynov', '--to', 'president-azerbaijan', '--kind', 'concern', '--signed-by', 'hrhf', '--date', '2019-01-10'],
  },
];

describe('golden letters of the example workspace', () => {
  for (const { name, args } of LETTERS) {
    it(`${name} is the letter as reviewed`, () => {
      const before = snapshot(`${REPO}/register`);
      const r = appeal(REPO, 'new', ...args, '--dry-run', '--format', 'txt');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectGolden(name, r.stdout);
      expect(snapshot(`${REPO}/register`)).toEqual(before);
    });
  }

  it('the example workspace is valid as it stands', () => {
    const r = appeal(REPO, 'validate');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: \d+ cases, \d+ register entries\n$/);
  });
});
