/**
 * Runs a job of a GitHub Actions workflow file as a runner would, as far as a test can: its
 * `run:` scripts exactly as written, each with `bash -e` in a fresh full clone of the repository,
 * with the workflow's, job's and step's `env:` and the `${{ }}` expressions replaced by the
 * event's values. The `uses:` steps stand for what they do here: actions/checkout is the clone;
 * actions/setup-node is the Node that runs the tests. `appeal` is the built CLI, put on PATH with
 * `npx` and `npm ci` shims, as `npm ci` would install it from the workspace's package-lock.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { CLI, tempDir } from '../helpers.js';

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  steps: Step[];
}

export interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, 'utf8')) as Workflow;
}

/** The values of the expressions a job may use, by expression ("github.event.before"). */
export type Context = Record<string, string>;

/** `${{ expr }}` replaced by its value; an expression the test does not know fails the test. */
export function substitute(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const value = context[expr];
    if (value === undefined) throw new Error(`the workflow uses \${{ ${expr} }}, which this test does not know: add it to the context`);
    return value;
  });
}

/** git without the machine's or the user's configuration. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !/^npm_/i.test(k)));
  return { ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A folder with `appeal`, `npx` and `npm` that run the built CLI, to put first on PATH. */
export function shims(): string {
  const dir = join(tempDir('appeal-shims-'), 'bin');
  mkdirSync(dir);
  const node = JSON.stringify(process.execPath);
  const cli = JSON.stringify(CLI);
  const files: Record<string, string> = {
    appeal: `#!/bin/sh\nexec ${node} ${cli} "$@"\n`,
    // npx [--no] appeal ARGS: the workspace's installed appeal; anything else would be a download.
    npx: `#!/bin/sh\n[ "$1" = "--no" ] && shift\nif [ "$1" != appeal ]; then echo "npx shim: only appeal is installed, not $1" >&2; exit 1; fi\nshift\nexec ${node} ${cli} "$@"\n`,
    npm: `#!/bin/sh\nif [ "$*" != ci ]; then echo "npm shim: only 'npm ci' is expected, not 'npm $*'" >&2; exit 1; fi\necho "npm ci: appeal is the built CLI"\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

export interface StepResult {
  step: Step;
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The bare repository the runner clones and pushes to. */
  remote: string;
  /** The branch checked out ("main"). */
  branch: string;
  context: Context;
  /** Called before each step: to let the world move on while the job runs. */
  before?: (step: Step, index: number) => void;
}

/** Runs one job; stops at the first step that fails, as a runner does. */
export function runJob(workflow: Workflow, jobName: string, opts: RunOptions): { dir: string; steps: StepResult[] } {
  const job = workflow.jobs[jobName];
  if (!job) throw new Error(`no job ${jobName}`);
  const dir = join(tempDir('appeal-runner-'), 'work');
  const bin = shims();
  const results: StepResult[] = [];
  const env: NodeJS.ProcessEnv = {
    ...gitEnv(),
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REF: `refs/heads/${opts.branch}`,
    GITHUB_REF_NAME: opts.branch,
  };
  for (const [k, v] of Object.entries({ ...workflow.env, ...job.env })) env[k] = substitute(String(v), opts.context);
  for (const [i, step] of job.steps.entries()) {
    opts.before?.(step, i);
    if (step.uses?.startsWith('actions/checkout@')) {
      const depth = step.with?.['fetch-depth'];
      if (depth !== 0) throw new Error(`checkout with fetch-depth ${String(depth)}: this test clones the whole history`);
      const ref = step.with?.ref === undefined ? opts.context['github.sha'] : substitute(String(step.with.ref), opts.context);
      execFileSync('git', ['clone', '-q', opts.remote, dir], { env: gitEnv(), stdio: 'pipe' });
      const branch = ref?.replace(/^refs\/heads\//, '');
      if (branch === opts.branch) git(dir, 'checkout', '-q', opts.branch);
      else git(dir, 'checkout', '-q', '--detach', ref ?? 'HEAD');
      results.push({ step, code: 0, stdout: '', stderr: '' });
      continue;
    }
    if (step.uses?.startsWith('actions/setup-node@')) {
      results.push({ step, code: 0, stdout: '', stderr: '' });
      continue;
    }
    if (step.uses) throw new Error(`this test does not know the action ${step.uses}`);
    const stepEnv = { ...env };
    for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = substitute(String(v), opts.context);
    const script = join(dir, '..', `step-${i}.sh`);
    writeFileSync(script, substitute(step.run ?? '', opts.context));
    const r = spawnSync('bash', ['-e', script], { cwd: dir, env: stepEnv, encoding: 'utf8', timeout: 120_000 });
    results.push({ step, code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  return { dir, steps: results };
}
