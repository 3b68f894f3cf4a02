/** The example workspace's letters, each checked whole against its golden file. */
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { appeal, REPO, snapshot } from './helpers.js';

const LETTERS: { name: string; args: string[] }[] = [
  { name: 'seed-000-update.txt', args: ['--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'] },
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
});
