/**
 * The npm package as a user gets it: `npm pack` makes a tarball that installs on its own
 * (`npm install --global`) and runs: `appeal --version`, `appeal init`, a letter as text and PDF.
 * The tarball is packed from the dist/ that `npm test` has just built (--ignore-scripts: `prepare`
 * would rebuild dist/ under the feet of the other tests running at the same time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

/** npm's own settings for a child: the lifecycle variables of `npm test` must not leak into it. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, NO_COLOR: '1' };
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: npmEnv(), timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  let tmp: string;
  let tarball: string;
  let files: string[];
  let appealBin: string;

  beforeAll(() => {
    tmp = tempDir('appeal-pack-');
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(tmp, info!.filename);
    files = info!.files.map((f) => f.path);
    const installed = run(
      'npm',
      ['install', '--global', '--prefix', join(tmp, 'prefix'), '--prefer-offline', '--no-audit', '--no-fund', tarball],
      tmp,
    );
    expect(installed.code, installed.stderr).toBe(0);
    appealBin = join(tmp, 'prefix', 'bin', 'appeal');
  });

  it('has a name of its own and installs the command appeal', () => {
    expect(pkg.name).toBe('appeal-letters');
    expect(Object.keys(pkg.bin)).toEqual(['appeal']);
    expect(tarball.endsWith(`appeal-letters-${pkg.version}.tgz`)).toBe(true);
    expect(existsSync(appealBin)).toBe(true);
  });

  it('holds what an install needs and nothing of the sources or tests', () => {
    for (const needed of [
      'package.json',
      'bin/appeal.js',
      'bin/package.json',
      'dist/appeal.cjs',
      'dist/start.cjs',
      'dist/data/recipients.json',
      'data/recipients.yaml',
      'data/init/appeal.yaml',
      'data/init/cases/example.yaml',
      'data/init/gitignore',
      'data/init/.github/workflows/appeal.yml',
      'templates/en/update.hbs',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const stray = files.filter(
      (f) => !/^(bin|dist|data|templates)\//.test(f) && !/^(package\.json|README\.md|LICEN[CS]E(\.\w+)?)$/.test(f),
    );
    expect(stray).toEqual([]);
  });

  it('runs from the install: --version, init, and a letter as text and PDF', () => {
    const version = run(appealBin, ['--version'], tmp);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const init = run(appealBin, ['init', 'ws'], tmp);
    expect(init.code, init.stderr).toBe(0);
    const ws = join(tmp, 'ws');
    expect(existsSync(join(ws, 'appeal.yaml'))).toBe(true);

    const dry = run(appealBin, ['new', '--case', 'example', '--to', 'un-rapporteurs', '--date', '2024-02-01', '--dry-run'], ws);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Example Person');
    expect(existsSync(join(ws, 'out'))).toBe(false);

    // A real letter loads the PDF libraries, which are resolved from the installed package's node_modules.
    const real = run(appealBin, ['new', '--case', 'example', '--to', 'un-rapporteurs', '--date', '2024-02-01', '--format', 'txt,pdf'], ws);
    expect(real.code, real.stderr).toBe(0);
    const pdf = readFileSync(join(ws, 'out', '2024', '1-example-communication.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(join(ws, 'out', '2024', '1-example-communication.txt'), 'utf8')).toContain('Example Person');
  });
});
