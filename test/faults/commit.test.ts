/**
 * A number is taken only with its letters: whatever stops a run (a kill at any step, a full
 * disk, a read-only out/), the letters and the register agree afterwards, and the next run (or
 * `appeal repair`) finishes or undoes the stopped one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appeal, appealWith, caseFile, CLI, config, lettersInRegister, lettersOnDisk, snapshot, workspace } from '../helpers.js';

const letterWorkspace = () =>
  workspace({
    'appeal.yaml': config({ output: 'output:\n  dir: out\n  formats: [txt, pdf]\n' }),
    'cases/a.yaml': caseFile('Ali Veli', [['2020-01-01', 'Arrested at home.']]),
  });
const issue = (dir: string, env: Record<string, string> = {}) =>
  appealWith(dir, env, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01', '--kind', 'communication');

describe('a run killed while it commits a letter', () => {
  for (const step of ['pending', 'files'] as const) {
    it(`killed after writing its ${step === 'pending' ? 'announcement' : 'letter files'}: the number stays free, no letter stays behind`, () => {
      const dir = letterWorkspace();
      const killed = issue(dir, { APPEAL_CRASH_AT: step });
      expect(killed.signal).toBe('SIGKILL');
      // validate sees the stopped run and says what to do.
      const v = appeal(dir, 'validate');
      expect(v.code).toBe(1);
      expect(v.stderr).toMatch(/^register\/\.pending-1\.yaml: a run that was stopped .* run appeal repair/m);
      const repair = appeal(dir, 'repair');
      expect(repair.stdout).toContain('1/2020: was not issued');
      expect(lettersOnDisk(dir)).toEqual([]);
      expect(appeal(dir, 'validate').code).toBe(0);
      // The same letter is issued again under the same number.
      const again = issue(dir);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('1/2020');
      expect(lettersOnDisk(dir)).toEqual(['out/2020/1-a-communication.pdf', 'out/2020/1-a-communication.txt']);
      expect(lettersInRegister(dir)).toEqual(lettersOnDisk(dir));
    });
  }

  it('killed after recording the entry: the letter was issued, and the next run needs no repair', () => {
    const dir = letterWorkspace();
    expect(issue(dir, { APPEAL_CRASH_AT: 'entry' }).signal).toBe('SIGKILL');
    // The entry is the announcement linked to its name: one file, not a second one written (on
    // ext4 without a journal, every inode freed slows each file created after it in a batch).
    const announced = statSync(join(dir, 'register/.pending-1.yaml'));
    expect(statSync(join(dir, 'register/1.yaml')).ino).toBe(announced.ino);
    expect(announced.nlink).toBe(2);
    expect(lettersInRegister(dir)).toEqual(['out/2020/1-a-communication.pdf', 'out/2020/1-a-communication.txt']);
    expect(lettersOnDisk(dir)).toEqual(lettersInRegister(dir));
    // The next run that takes the register finishes the story by itself.
    const next = appealWith(dir, {}, 'register', 'add', '--ref', '9/2020', '--date', '2020-02-02', '--case', 'a', '--kind', 'update');
    expect(next.code).toBe(0);
    expect(appeal(dir, 'validate').code).toBe(0);
  });
});

describe('batch runs killed at random moments', () => {
  it('after each kill, repair leaves letters and register in agreement, and the next batch goes on', async () => {
    const dir = letterWorkspace();
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `cases/c${i}.yaml`), caseFile(`Person ${i}`, [['2020-01-01', 'Arrested.']]));
    let date = 1;
    const days: [string, string][] = [['2020-01-01', 'Arrested.']];
    for (let round = 0; round < 12; round++) {
      // Every round has something new on every case, so each batch issues letters until killed.
      const day = String(++date).padStart(2, '0');
      // Events accumulate, as in a real case file: those reported earlier stay in it.
      days.push([`2020-03-${day}`, `Day ${day}.`]);
      for (let i = 0; i < 6; i++) writeFileSync(join(dir, `cases/c${i}.yaml`), caseFile(`Person ${i}`, days));
      const child = spawn(process.execPath, [CLI, 'batch', '--to', 'un-rapporteurs', '--all', '--date', `2020-03-${day}`, '--quiet'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 900)));
      child.kill('SIGKILL');
      await closed;
      appeal(dir, 'repair');
      const v = JSON.parse(appeal(dir, 'validate', '--format', 'json').stdout);
      expect(v.problems, `round ${round}`).toEqual([]);
      expect(lettersOnDisk(dir), `round ${round}`).toEqual(lettersInRegister(dir));
    }
  });
});

/** Mounts `args` on `target`, or returns why it cannot (not root, no mount here). */
function tryMount(args: string[], target: string): string | undefined {
  try {
    execFileSync('mount', [...args, target], { stdio: 'pipe' });
    return undefined;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).trim() || 'mount failed';
  }
}
const mounted: string[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) execFileSync('umount', [m]);
});

describe('the machine refuses to write', () => {
  it('a full disk: exit 1 with a sentence, the register as before, no letter; then it goes on', (ctx) => {
    const dir = letterWorkspace();
    mkdirSync(join(dir, 'out'));
    const refused = tryMount(['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs'], join(dir, 'out'));
    if (refused) {
      console.log(`skipped: cannot mount a small tmpfs here (${refused})`);
      return ctx.skip();
    }
    mounted.push(join(dir, 'out'));
    const before = snapshot(join(dir, 'register'));
    const r = issue(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^out\/2020\/1-a-communication\.(txt|pdf): cannot write this letter \(ENOSPC\): the disk is full\. Free some space and run again\. Nothing was issued\.$/m,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(join(dir, 'register'))).toEqual(before);
    expect(lettersOnDisk(dir)).toEqual([]);
    expect(appeal(dir, 'validate').code).toBe(0);
    execFileSync('umount', [mounted.pop()!]);
    expect(issue(dir).code).toBe(0);
    expect(lettersInRegister(dir)).toEqual(lettersOnDisk(dir));
  });

  it('a read-only out/: exit 1 with a sentence, nothing written', (ctx) => {
    const dir = letterWorkspace();
    mkdirSync(join(dir, 'out'));
    const refused = tryMount(['--bind', join(dir, 'out')], join(dir, 'out')) ?? tryMount(['-o', 'remount,ro,bind'], join(dir, 'out'));
    if (refused) {
      console.log(`skipped: cannot make a read-only bind mount here (${refused})`);
      return ctx.skip();
    }
    mounted.push(join(dir, 'out'));
    const before = snapshot(dir);
    const r = issue(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(EROFS\): the file system is read-only/);
    expect(snapshot(dir)).toEqual(before);
    rmSync(join(dir, 'register', '.lock'), { force: true });
  });
});
