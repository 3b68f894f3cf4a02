import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/load/schema.js';
import { checkRegister } from '../../../src/register/check.js';
import { parseEntry, serialiseEntry } from '../../../src/register/entry.js';
import { tempDir } from '../../helpers.js';

const config = {
  references: { format: '{n}/{yyyy}', counter: 'continuous', start: 1 },
  output: { dir: 'out', formats: ['txt'], width: 72 },
} as Config;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// checkRegister digests each letter through one reused buffer, and lists leftovers from the
// folder listing's file types: every letter still compared whole, every leftover still found.
describe('checkRegister', () => {
  const root = tempDir('appeal-check-');
  mkdirSync(join(root, 'out', '2020'), { recursive: true });
  mkdirSync(join(root, 'register'));
  const small = Buffer.from('Dear Special Rapporteur,\n');
  // Larger than the 1 MB buffer, so read in several pieces; changed in its last byte only.
  const large = Buffer.alloc(2.5 * 1024 * 1024 + 7, 0x25);
  const changed = Buffer.from(large);
  changed[changed.length - 1] = 0x26;
  writeFileSync(join(root, 'out', '2020', 'small.txt'), small);
  writeFileSync(join(root, 'out', '2020', 'large.pdf'), large);
  writeFileSync(join(root, 'out', '2020', 'changed.pdf'), changed);
  writeFileSync(join(root, 'out', '2020', 'small-changed.txt'), 'Dear Special Rapporteur!\n');

  const entry = (number: number, files: [string, Buffer][]) => {
    const text = serialiseEntry({
      reference: `${number}/2020`,
      number,
      date: '2020-02-01',
      case: 'p0',
      kind: 'communication',
      recipients: [],
      events: [],
      files: files.map(([path, bytes]) => ({ path, sha256: sha(bytes) })),
      external: false,
    });
    const parsed = parseEntry(`${number}.yaml`, text, config);
    expect(parsed.problems).toEqual([]);
    return parsed.entry!;
  };
  const run = (entries: ReturnType<typeof entry>[]) =>
    checkRegister(entries, { root, config, caseEvents: new Map([['p0', null]]) }).map((p) => `${p.file} ${p.key}: ${p.message}`);

  it('finds no problem with letters as they were issued, small and large', () => {
    expect(run([entry(1, [['out/2020/small.txt', small], ['out/2020/large.pdf', large]])])).toEqual([]);
  });

  it('finds a letter changed anywhere, and one missing', () => {
    const problems = run([
      entry(1, [['out/2020/changed.pdf', large]]),
      entry(2, [['out/2020/small-changed.txt', small]]),
      entry(3, [['out/2020/gone.txt', small], ['out/nowhere/gone.txt', small]]),
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^register\/1\.yaml files\.0\.sha256: out\/2020\/changed\.pdf is not the letter recorded as 1\/2020/);
    expect(problems[1]).toMatch(/^register\/2\.yaml files\.0\.sha256: out\/2020\/small-changed\.txt is not the letter recorded/);
    expect(problems[2]).toMatch(/^register\/3\.yaml files\.0\.path: out\/2020\/gone\.txt, the letter recorded as 3\/2020, is missing/);
    expect(problems[3]).toMatch(/^register\/3\.yaml files\.1\.path: out\/nowhere\/gone\.txt, the letter recorded as 3\/2020, is missing/);
  });

  it('finds what a stopped run left, in folders and in linked folders', () => {
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', '9-x.txt.tmp-123'), '');
    symlinkSync(join(root, 'elsewhere'), join(root, 'out', 'linked'));
    writeFileSync(join(root, 'out', '2020', '5-x.txt.tmp-456'), '');
    writeFileSync(join(root, 'register', '7.yaml.stale-789'), '');
    writeFileSync(join(root, 'out', '.hidden.tmp-1'), '');
    const left = run([]).map((p) => p.split(' ')[0]);
    expect(left).toEqual(['out/.hidden.tmp-1', 'out/2020/5-x.txt.tmp-456', 'out/linked/9-x.txt.tmp-123', 'register/7.yaml.stale-789']);
  });

  it('walks past a link that leads nowhere and a link back up, each folder once', () => {
    const dir = tempDir('appeal-check-links-');
    mkdirSync(join(dir, 'out', '2020'), { recursive: true });
    mkdirSync(join(dir, 'register'));
    writeFileSync(join(dir, 'out', '2020', '1-x.txt.tmp-1'), '');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'out', 'dangling'));
    symlinkSync(join(dir, 'out'), join(dir, 'out', '2020', 'up'));
    symlinkSync(join(dir, 'out', '2020'), join(dir, 'out', 'again'));
    const problems = checkRegister([], { root: dir, config, caseEvents: new Map() });
    expect(problems.map((p) => p.file)).toEqual(['out/2020/1-x.txt.tmp-1']);
  });

  // A letter is opened without following a link, its folder's real path resolved once: a link,
  // inside or out, still gets the answer leavesWorkspace gives.
  it('follows links that stay inside, and refuses letters and folders that lead out', () => {
    const outside = tempDir('appeal-check-out-');
    writeFileSync(join(outside, 'away.txt'), small);
    mkdirSync(join(root, 'out', 'links'));
    symlinkSync(join(root, 'out', '2020', 'small.txt'), join(root, 'out', 'links', 'inside.txt'));
    symlinkSync(join(outside, 'away.txt'), join(root, 'out', 'links', 'away.txt'));
    symlinkSync(join(root, 'out', '2020'), join(root, 'out', 'same'));
    symlinkSync(outside, join(root, 'out', 'gone-out'));
    const problems = run([
      entry(1, [
        ['out/links/inside.txt', small],
        ['out/same/small.txt', small],
        ['out/links/away.txt', small],
        ['out/gone-out/away.txt', small],
        ['out/links/nothing.txt', small],
        ['out/same/large.pdf', small],
      ]),
    ]).filter((p) => p.startsWith('register/1.yaml ')); // not the leftovers of the test above
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^register\/1\.yaml files\.2\.path: 'out\/links\/away\.txt' leads out of it through a symbolic link/);
    expect(problems[1]).toMatch(/^register\/1\.yaml files\.3\.path: 'out\/gone-out\/away\.txt' leads out of it through a symbolic link/);
    expect(problems[2]).toMatch(/^register\/1\.yaml files\.4\.path: out\/links\/nothing\.txt, the letter recorded as 1\/2020, is missing/);
    expect(problems[3]).toMatch(/^register\/1\.yaml files\.5\.sha256: out\/same\/large\.pdf is not the letter recorded/);
  });
});
