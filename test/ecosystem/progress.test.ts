/** `appeal batch` shows its progress on stderr, and never changes stdout. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, CLI, config, workspace } from '../helpers.js';

const cases = () =>
  workspace({
    'appeal.yaml': config(),
    'cases/a.yaml': caseFile('Ali Veli', [['2020-01-01', 'Arrested.']]),
    'cases/b.yaml': caseFile('Bahar Can', [['2020-01-02', 'Arrested.']]),
  });
const BATCH = ['batch', '--to', 'un-rapporteurs', '--all', '--date', '2020-02-01'];

describe('batch progress', () => {
  it('without a terminal: one plain line per letter on stderr; --quiet: none', () => {
    const dir = cases();
    const r = appeal(dir, ...BATCH, '--dry-run');
    expect(r.stderr).toBe(''); // a dry run issues nothing
    const real = appeal(dir, ...BATCH);
    expect(real.code).toBe(0);
    expect(real.stderr).toBe('issued 1/2: a\nissued 2/2: b\n');
    expect(real.stdout).toBe('1/2020  a  out/2020/1-a-communication.txt\n2/2020  b  out/2020/2-b-communication.txt\n');
    const quiet = appeal(cases(), ...BATCH, '--quiet');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(real.stdout);
  });

  it('on a terminal: one line updated in place, cleared at the end', () => {
    const dir = cases();
    // `script` gives the command a pseudo-terminal, as a person's shell does.
    const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI} ${BATCH.join(' ')}`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\r\x1b[2Kpreparing 1/2: a');
    expect(r.stdout).toContain('\r\x1b[2Kissued 2/2: b');
    expect(r.stdout).toContain('2/2020  b  out/2020/2-b-communication.txt');
    expect(r.stdout).not.toContain('issued 1/2: a\n');
  });
});
