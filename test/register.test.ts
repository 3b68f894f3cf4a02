/**
 * The register never loses or duplicates a number: concurrent processes, kills at any moment,
 * and git branches that each issued a letter. Real processes, real git.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, appealAsync, caseFile, CLI, config, lettersInRegister, lettersOnDisk, workspace } from './helpers.js';

function manyCases(n: number): Record<string, string> {
  const files: Record<string, string> = { 'appeal.yaml': config() };
  for (let i = 0; i < n; i++) files[`cases/p${i}.yaml`] = caseFile(`Person ${i}`, [['2020-01-0' + (1 + (i % 9)), `Event of ${i}.`]]);
  return files;
}

function numbers(dir: string): number[] {
  const log = JSON.parse(appeal(dir, 'log', '--json').stdout) as { number: number }[];
  return log.map((e) => e.number).sort((a, b) => a - b);
}

describe('concurrent runs', () => {
  it('twenty `appeal new` processes started at once get twenty different numbers, none lost', async () => {
    const dir = workspace(manyCases(20));
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appealAsync(dir, 'new', '--case', `p${i}`, '--to', 'un-rapporteurs', '--date', '2020-02-01', '--json'),
      ),
    );
    // Each run says at once when it waits for another; nothing else.
    for (const r of runs) expect(r.stderr.replace(/^The register is in use by appeal run \d+ .*\n/gm, '')).toBe('');
    const refs = runs.map((r) => JSON.parse(r.stdout).number).sort((a: number, b: number) => a - b);
    expect(refs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers(dir)).toEqual(refs);
    // Every letter on disk is the one its entry records.
    for (const r of runs) {
      const out = JSON.parse(r.stdout);
      const text = readFileSync(join(dir, out.files[0].path), 'utf8');
      expect(text).toContain(`No.: ${out.reference}`);
    }
    expect(existsSync(join(dir, 'register/.lock'))).toBe(false);
    expect(appeal(dir, 'validate').code).toBe(0);
  });

  it('concurrent updates on one case get different update numbers; the loser finds nothing new', async () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [
        ['2020-01-01', 'One.'],
        ['2020-01-20', 'Two.'],
      ]),
    });
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-01-10').code).toBe(0);
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => appealAsync(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01')),
    );
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    expect(runs.filter((r) => r.code === 1 && r.stderr.includes('nothing new'))).toHaveLength(3);
    expect(numbers(dir)).toEqual([1, 2]);
  });
});

describe('crashes', () => {
  it('a process killed at any moment leaves the register whole, and the next run goes on', async () => {
    const dir = workspace(manyCases(12));
    // Kill runs after different delays: before, during and after taking the lock and the number.
    for (let i = 0; i < 12; i++) {
      const child = spawn(process.execPath, [CLI, 'new', '--case', `p${i}`, '--to', 'un-rapporteurs', '--date', '2020-02-01'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, 40 + i * 80));
      child.kill('SIGKILL');
      await closed;
      // What a kill can leave is only a stopped run's leftovers, which repair finishes or undoes.
      const v = JSON.parse(appeal(dir, 'validate', '--format', 'json').stdout);
      for (const p of v.problems) expect(p.message).toMatch(/appeal repair/);
      expect(appeal(dir, 'repair').code).toBe(0);
      expect(JSON.parse(appeal(dir, 'validate', '--format', 'json').stdout).problems).toEqual([]);
      expect(lettersOnDisk(dir)).toEqual(lettersInRegister(dir));
    }
    const taken = numbers(dir);
    expect(taken).toEqual(Array.from({ length: taken.length }, (_, i) => i + 1)); // no gap, no repeat
    // Some were killed before recording; the rest can still be issued, numbered on from there.
    const after = appeal(dir, 'batch', '--to', 'un-rapporteurs', '--all', '--date', '2020-02-02', '--kind', 'communication', '--json');
    const leftovers = readdirSync(join(dir, 'register')).filter((f) => f.startsWith('.'));
    expect(leftovers.filter((f) => f !== '.lock')).toEqual([]);
    if (taken.length < 12) {
      expect(after.code).toBe(0);
    }
    const all = numbers(dir);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it('a lock left by a killed process is broken, a lock of a live one is waited for', async () => {
    const dir = workspace({ 'appeal.yaml': config(), 'cases/a.yaml': caseFile('A B', [['2020-01-01', 'One.']]) });
    const host = (await import('node:os')).hostname();
    mkdirSync(join(dir, 'register'));
    // A process that is gone: pid 2^22 + 1 is above Linux's pid_max default, so never alive.
    writeFileSync(join(dir, 'register/.lock'), `4194305@${host} 2020-01-01T00:00:00Z\n`);
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'register/.lock'))).toBe(false);

    // A live holder (this test process): the run waits until it lets go.
    writeFileSync(join(dir, 'cases/b.yaml'), caseFile('C D', [['2020-01-01', 'One.']]));
    writeFileSync(join(dir, 'register/.lock'), `${process.pid}@${host} 2020-01-01T00:00:00Z\n`);
    const waiting = appealAsync(dir, 'new', '--case', 'b', '--to', 'un-rapporteurs', '--date', '2020-02-01');
    await new Promise((done) => setTimeout(done, 1500));
    expect(numbers(dir)).toEqual([1]);
    unlinkSync(join(dir, 'register/.lock'));
    const w = await waiting;
    // It said at once who holds the register and how long it waits.
    expect(w.stderr).toBe(
      `The register is in use by appeal run ${process.pid} on ${host} since 2020-01-01T00:00:00Z; waiting up to 120 s for it to finish.\n`,
    );
    expect(numbers(dir)).toEqual([1, 2]);
  });
});

describe('git', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  function repo(): string {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [['2020-01-01', 'One.']]),
      'cases/b.yaml': caseFile('C D', [['2020-01-01', 'One.']]),
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.email', 'test@example.org');
    git(dir, 'config', 'user.name', 'Test');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'cases');
    return dir;
  }

  it('two branches that each took the next number cannot merge silently: git reports the conflict', () => {
    const dir = repo();
    git(dir, 'checkout', '-qb', 'alice');
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01').stdout).toContain('1/2020');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'letter on a');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'checkout', '-qb', 'bob');
    expect(appeal(dir, 'new', '--case', 'b', '--to', 'un-rapporteurs', '--date', '2020-02-03').stdout).toContain('1/2020');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'letter on b');
    const merge = spawnSync('git', ['merge', 'alice'], { cwd: dir, encoding: 'utf8' });
    expect(merge.status).not.toBe(0);
    expect(merge.stdout).toMatch(/CONFLICT \(add\/add\): Merge conflict in register\/1\.yaml/);
    // Committed anyway, the register says so.
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'careless merge');
    const v = appeal(dir, 'validate');
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^register\/1\.yaml:\d+:1: this entry holds git conflict markers: two branches issued this number/m);
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-03-01').code).toBe(1);
  });

  it('a duplicate number that got past git (renamed by hand) is reported by validate', () => {
    const dir = repo();
    appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01');
    const entry = readFileSync(join(dir, 'register/1.yaml'), 'utf8');
    writeFileSync(join(dir, 'register/01.yaml'), entry.replace('case: a', 'case: b'));
    const v = appeal(dir, 'validate', '--format', 'json');
    expect(v.code).toBe(1);
    const messages = JSON.parse(v.stdout).problems.map((p: { file: string; message: string }) => `${p.file}: ${p.message}`);
    expect(messages.join('\n')).toMatch(
      /the reference 1\/2020 is also taken by register\/01\.yaml|register\/01\.yaml: this entry holds number 1 but its file is/,
    );
  });

  it('batch --changed-since issues letters for the cases changed since a revision', () => {
    const dir = repo();
    appeal(dir, 'batch', '--to', 'un-rapporteurs', '--all', '--date', '2020-01-15');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first letters');
    writeFileSync(
      join(dir, 'cases/b.yaml'),
      caseFile('C D', [
        ['2020-01-01', 'One.'],
        ['2020-02-01', 'Two.'],
      ]),
    );
    const r = appeal(dir, 'batch', '--to', 'un-rapporteurs', '--changed-since', 'HEAD', '--date', '2020-02-05', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.issued).toEqual([expect.objectContaining({ case: 'b', reference: '3/2020', kind: 'update', update: 1 })]);
    // Nothing new anywhere: skipped, not an error.
    const again = appeal(dir, 'batch', '--to', 'un-rapporteurs', '--all', '--date', '2020-02-06', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).skipped.map((s: { case: string }) => s.case)).toEqual(['a', 'b']);
  });
});
