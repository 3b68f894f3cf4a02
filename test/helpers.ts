/**
 * Test helpers: run the built CLI as a user does, in temporary workspaces. The repository's own
 * example workspace is only ever copied, never written to.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(REPO, 'bin', 'appeal.js');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `appeal ARGS` in `cwd` and waits for it. */
export function appeal(cwd: string, ...args: string[]): Result {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `appeal ARGS` without waiting: for concurrent runs. */
export function appealAsync(cwd: string, ...args: string[]): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const made: string[] = [];

/** A new temporary folder, removed after the test file's tests (test/setup.ts). */
export function tempDir(prefix = 'appeal-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Removes the folders tempDir made (APPEAL_KEEP_TEMP=1 keeps them, to look at after a failure). A
 * folder with something still mounted under it (a fault test that did not get to unmount) is left
 * alone and named: removing through a bind mount would delete what it shows.
 */
export function removeTempDirs(): void {
  if (process.env.APPEAL_KEEP_TEMP) return;
  const mounts = existsSync('/proc/mounts')
    ? readFileSync('/proc/mounts', 'utf8')
        .split('\n')
        .map((line) => line.split(' ')[1] ?? '')
    : [];
  for (const dir of made.splice(0)) {
    if (mounts.some((m) => m === dir || m.startsWith(dir + '/'))) console.warn(`left ${dir}: something is mounted under it`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** A workspace in a temporary folder, from file contents by relative path. */
export function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** A copy of the repository's example workspace (appeal.yaml, cases, signatories, register). */
export function exampleCopy(): string {
  const dir = tempDir('appeal-example-');
  cpSync(join(REPO, 'appeal.yaml'), join(dir, 'appeal.yaml'));
  for (const folder of ['cases', 'signatories', 'register']) cpSync(join(REPO, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** Every file under `dir` with its SHA-256: to prove that a failed run wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs)] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

/** A small organisation's appeal.yaml, with overrides of its sections. */
export function config(extra: Record<string, string> = {}): string {
  const sections: Record<string, string> = {
    organisation: 'organisation:\n  name: Test Committee\n',
    signatory: 'signatory:\n  name: A. Tester\n  title: Secretary\n',
    references: 'references:\n  format: "{n}/{yyyy}"\n  counter: continuous\n  start: 1\n',
    dates: 'dates:\n  format: d MMMM yyyy\n  locale: en-GB\n',
    output: 'output:\n  dir: out\n  formats: [txt]\n',
    ...extra,
  };
  return Object.values(sections).join('');
}

/** A case file with the given events (date, text). */
export function caseFile(name: string, events: [string, string][], concerns = '[human-rights-defenders, arbitrary-detention]'): string {
  return [
    'person:',
    `  name: ${name}`,
    '  honorific: Mr.',
    '  status: detained',
    'headline: A prisoner of conscience',
    'persecutor: the authorities',
    `concerns: ${concerns}`,
    'events:',
    ...events.flatMap(([date, text]) => [`  - date: ${date}`, `    text: ${text}`, '    source: a reliable source']),
    '',
  ].join('\n');
}

/** Runs `appeal ARGS` with extra environment variables. */
export function appealWith(cwd: string, env: Record<string, string>, ...args: string[]): Result & { signal: string | null } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** The letter files under out/, relative to the workspace, sorted. */
export function lettersOnDisk(dir: string): string[] {
  return Object.keys(snapshot(join(dir, 'out')))
    .map((f) => `out/${f}`)
    .sort();
}

/** The letter files the register names, sorted. */
export function lettersInRegister(dir: string): string[] {
  const log = JSON.parse(appeal(dir, 'log', '--json').stdout) as { files: { path: string }[] }[];
  return log.flatMap((e) => e.files.map((f) => f.path)).sort();
}
