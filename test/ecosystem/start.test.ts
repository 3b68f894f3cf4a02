/**
 * How the built CLI starts (src/cli/start.ts): in a copy of the package without a code cache, the
 * first run writes one and later runs read it, with the same letter every time; nothing in the
 * cache folder (corrupt files, no way to write, concurrent runs) changes a run; and a text letter
 * never reads the code of the PDF or e-mail writers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleCopy, REPO, tempDir, type Result } from '../helpers.js';

const LETTER = ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--dry-run'];
const TEXT = [...LETTER, '--format', 'txt'];

/** The package as installed, without the cache the build wrote. */
function packageCopy(): string {
  const dir = tempDir('appeal-package-');
  for (const f of ['bin', 'data', 'templates', 'package.json']) cpSync(join(REPO, f), join(dir, f), { recursive: true });
  cpSync(join(REPO, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => !src.startsWith(join(REPO, 'dist', 'cache')) });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function run(pkg: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Result {
  const r = spawnSync(process.execPath, [join(pkg, 'bin', 'appeal.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(pkg: string, cwd: string, args: string[]): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(pkg, 'bin', 'appeal.js'), ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The files of the cache folder of this Node. */
function cacheFiles(pkg: string): string[] {
  const root = join(pkg, 'dist', 'cache');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((v) => readdirSync(join(root, v)).map((f) => join(root, v, f)));
}

let expected: string;
beforeAll(() => {
  const r = run(REPO, exampleCopy(), TEXT, { APPEAL_CODE_CACHE: 'off' });
  expect(r.code, r.stderr).toBe(0);
  expected = r.stdout;
});

describe('the code cache', () => {
  it('is written by the first run and read by the next, with the same letter', () => {
    const pkg = packageCopy();
    const ws = exampleCopy();
    expect(cacheFiles(pkg)).toEqual([]);
    const first = run(pkg, ws, TEXT);
    expect(first).toEqual({ code: 0, stdout: expected, stderr: '' });
    const written = cacheFiles(pkg);
    expect(written.length).toBeGreaterThan(5);
    expect(written.every((f) => f.endsWith('.cjs.v8'))).toBe(true);
    const second = run(pkg, ws, TEXT);
    expect(second).toEqual({ code: 0, stdout: expected, stderr: '' });
    // Read, not written again: the files are the same.
    expect(cacheFiles(pkg)).toEqual(written);
    expect(written.map((f) => readFileSync(f))).toEqual(cacheFiles(pkg).map((f) => readFileSync(f)));
  });

  it("compiles pdfkit's bundle (dist/vendor/) with the cache too, once a PDF letter is written", () => {
    const pkg = packageCopy();
    const ws = exampleCopy();
    const pdf = [...LETTER.filter((a) => a !== '--dry-run'), '--format', 'pdf'];
    expect(run(pkg, ws, pdf).code).toBe(0);
    const written = cacheFiles(pkg).map((f) => f.split(/[\\/]/).pop());
    expect(written).toContain('pdfkit.cjs.v8');
    expect(written).toContain('appeal.cjs.v8');
  });

  it('corrupt cache files change nothing', () => {
    const pkg = packageCopy();
    const ws = exampleCopy();
    expect(run(pkg, ws, TEXT).code).toBe(0);
    for (const f of cacheFiles(pkg)) {
      const bytes = readFileSync(f);
      for (let i = 40; i < bytes.length; i += 13) bytes[i]! ^= 0xff;
      writeFileSync(f, bytes);
    }
    expect(run(pkg, ws, TEXT)).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(run(pkg, ws, TEXT)).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('a cache that cannot be written changes nothing', () => {
    const pkg = packageCopy();
    writeFileSync(join(pkg, 'dist', 'cache'), 'a file where the folder would be');
    expect(run(pkg, exampleCopy(), TEXT)).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(readFileSync(join(pkg, 'dist', 'cache'), 'utf8')).toBe('a file where the folder would be');
  });

  it('concurrent first runs all succeed and leave a whole cache', async () => {
    const pkg = packageCopy();
    const ws = exampleCopy();
    const results = await Promise.all(Array.from({ length: 6 }, () => runAsync(pkg, ws, TEXT)));
    for (const r of results) expect(r).toEqual({ code: 0, stdout: expected, stderr: '' });
    const files = cacheFiles(pkg);
    expect(files.filter((f) => !f.endsWith('.cjs.v8'))).toEqual([]);
    // Whole: the next run reads every file and writes none.
    const before = files.map((f) => readFileSync(f));
    expect(run(pkg, ws, TEXT)).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(cacheFiles(pkg).map((f) => readFileSync(f))).toEqual(before);
  });

  it('APPEAL_CODE_CACHE=off reads and writes none', () => {
    const pkg = packageCopy();
    expect(run(pkg, exampleCopy(), TEXT, { APPEAL_CODE_CACHE: 'off' })).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(existsSync(join(pkg, 'dist', 'cache'))).toBe(false);
  });
});

describe('what a run reads of the bundle', () => {
  /** The files of dist/ a run reads. */
  function readsOf(args: string[]): string[] {
    const dir = tempDir();
    const log = join(dir, 'reads.txt');
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      `const fs = require('fs'); const read = fs.readFileSync;
       fs.readFileSync = function (p, ...rest) { if (String(p).endsWith('.cjs')) fs.appendFileSync(${JSON.stringify(log)}, p + '\\n'); return read.call(this, p, ...rest); };`,
    );
    const r = run(REPO, exampleCopy(), args, { NODE_OPTIONS: `--require ${hook}` });
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(log, 'utf8').trim().split('\n');
  }
  const writerCode = (files: string[]) => files.filter((f) => /pdfkit|fontkit|nodemailer/.test(readFileSync(f, 'latin1')));

  it('a text letter never reads the code of the PDF or e-mail writers; a PDF letter does', () => {
    const text = readsOf(TEXT);
    expect(text.length).toBeGreaterThan(5);
    expect(writerCode(text)).toEqual([]);
    const written = LETTER.filter((a) => a !== '--dry-run');
    expect(writerCode(readsOf([...written, '--format', 'pdf'])).length).toBeGreaterThan(0);
    expect(writerCode(readsOf([...written, '--format', 'eml'])).length).toBeGreaterThan(0);
  });
});

// A stray folder from a test run must not be packed: package.json leaves dist/cache/ out.
it('the cache is not in the npm package', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(existsSync(join(REPO, 'dist', 'cache'))).toBe(true);
  const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  expect(files.filter((f) => f.startsWith('dist/cache'))).toEqual([]);
  expect(files).toContain('dist/start.cjs');
});
