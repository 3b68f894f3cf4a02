import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers.js';
import { leavesWorkspace } from '../../../src/load/inside.js';

// leavesWorkspace takes the native realpath (one system call) and remembers the workspace's own:
// what it finds must stay what Node's component-by-component realpath found.
describe('leavesWorkspace', () => {
  const tmp = tempDir('appeal-inside-');
  const outside = join(tmp, 'outside');
  const real = join(tmp, 'real');
  mkdirSync(join(outside, 'sub'), { recursive: true });
  writeFileSync(join(outside, 'secret.yaml'), 'x: 1\n');
  mkdirSync(join(real, 'cases'), { recursive: true });
  mkdirSync(join(real, 'out'));
  writeFileSync(join(real, 'cases', 'a.yaml'), 'x: 1\n');
  symlinkSync(join(outside, 'secret.yaml'), join(real, 'cases', 'evil.yaml'));
  symlinkSync(outside, join(real, 'out', 'away'));
  symlinkSync(join(real, 'cases', 'a.yaml'), join(real, 'cases', 'alias.yaml'));
  symlinkSync(join(real, 'nowhere'), join(real, 'cases', 'dangling.yaml'));
  // The workspace reached through a link of its own: everything in it is still inside.
  const linked = join(tmp, 'linked');
  symlinkSync(real, linked);

  for (const root of [real, linked]) {
    it(`finds files inside, and every way out (${root === real ? 'real folder' : 'through a link'})`, () => {
      for (let round = 0; round < 2; round++) {
        expect(leavesWorkspace(root, 'cases/a.yaml')).toBeUndefined();
        expect(leavesWorkspace(root, 'cases/alias.yaml')).toBeUndefined();
        expect(leavesWorkspace(root, 'cases/missing.yaml')).toBeUndefined();
        expect(leavesWorkspace(root, 'cases/dangling.yaml')).toBeUndefined();
        expect(leavesWorkspace(root, 'new/folder/letter.txt')).toBeUndefined();
        expect(leavesWorkspace(root, 'cases/evil.yaml')).toBe('link');
        expect(leavesWorkspace(root, 'out/away')).toBe('link');
        expect(leavesWorkspace(root, 'out/away/sub/not-yet/letter.txt')).toBe('link');
        expect(leavesWorkspace(root, '../outside/secret.yaml')).toBe('climbs');
        expect(leavesWorkspace(root, join(outside, 'secret.yaml'))).toBe('absolute');
      }
    });
  }

  it('a workspace folder that does not exist yet is not remembered', () => {
    const later = join(tmp, 'later');
    expect(leavesWorkspace(later, 'cases/a.yaml')).toBeUndefined();
    symlinkSync(outside, later);
    expect(leavesWorkspace(later, 'sub')).toBeUndefined();
    symlinkSync(join(tmp, 'real', 'cases', 'a.yaml'), join(outside, 'sub', 'back.yaml'));
    expect(leavesWorkspace(later, 'sub/back.yaml')).toBe('link');
  });
});
