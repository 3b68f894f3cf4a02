/** The example workspace's letters, each checked whole against its golden file. */
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { GOLDEN_LETTERS } from './golden-letters.js';
import { appeal, REPO, snapshot } from './helpers.js';

describe('golden letters of the example workspace', () => {
  for (const { name, args } of GOLDEN_LETTERS) {
    it(`${name}.txt is the letter as reviewed`, () => {
      const before = snapshot(`${REPO}/register`);
      const r = appeal(REPO, 'new', ...args, '--dry-run', '--format', 'txt');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectGolden(`${name}.txt`, r.stdout);
      expect(snapshot(`${REPO}/register`)).toEqual(before);
    });
  }

  it('the example workspace is valid as it stands', () => {
    const r = appeal(REPO, 'validate');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: \d+ cases, \d+ register entries\n$/);
  });
});
