/**
 * `appeal batch`: one letter for each of many cases, as a CI job does after case files change.
 * Every case is planned first; if any is wrong, nothing is written. A case with nothing new
 * since its last letter is skipped, not an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppealError, UsageError, type Problem } from '../errors.js';
import { issueLetters } from '../issue.js';
import type { Workspace } from '../load/workspace.js';
import { letterDate, lockOptions, openWorkspaceFor, outputFormats, printJson, reportNotSent, type GlobalOptions } from './common.js';

export interface BatchOptions extends GlobalOptions {
  to: string;
  kind?: string;
  cases?: string;
  changedSince?: string;
  all?: boolean;
  date?: string;
  format?: string;
  dryRun?: boolean;
  allowFuture?: boolean;
  json?: boolean;
}

export interface BatchResult {
  issued: { case: string; reference: string; kind: string; update?: number; files: string[] }[];
  skipped: { case: string; reason: string }[];
}

/** Case ids whose files changed since a git revision (committed, uncommitted or new). */
function changedCases(ws: Workspace, rev: string): string[] {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ws.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = (e as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(e);
      throw new AppealError({
        key: '--changed-since',
        message: `git cannot compare with '${rev}' (${err}): give a revision of this repository, such as HEAD~1 or origin/main.`,
      });
    }
  };
  const names = [
    ...git(['diff', '--name-only', '--relative', rev, '--', 'cases']).split('\n'),
    ...git(['ls-files', '--others', '--exclude-standard', '--', 'cases']).split('\n'),
  ];
  const ids = names
    .map((n) => /^cases\/([^/]+)\.yaml$/.exec(n.trim())?.[1])
    .filter((id): id is string => !!id && existsSync(join(ws.casesDir, `${id}.yaml`)));
  return [...new Set(ids)].sort();
}

function selectCases(ws: Workspace, req: BatchOptions): string[] {
  if (req.all) return ws.caseIds();
  if (req.changedSince !== undefined) return changedCases(ws, req.changedSince);
  const ids = (req.cases ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const problems = ids.map((id) => ws.caseIdProblem(id, '--cases')).filter((p): p is Problem => !!p);
  if (problems.length) throw new AppealError(problems);
  return [...new Set(ids)];
}

export async function batchCommand(opts: BatchOptions): Promise<BatchResult> {
  const chosen = [opts.cases !== undefined, opts.changedSince !== undefined, !!opts.all].filter(Boolean).length;
  if (chosen !== 1) {
    throw new UsageError('name the cases with exactly one of --cases, --changed-since or --all');
  }
  const date = letterDate(opts.date, !!opts.allowFuture);
  const formats = outputFormats(opts.format);
  const ws = await openWorkspaceFor(opts);
  const requests = selectCases(ws, opts).map((caseId) => ({ caseId, to: opts.to, kind: opts.kind, date, formats }));
  const run = await issueLetters(ws, requests, { dryRun: !!opts.dryRun, lock: lockOptions(opts), skipNothingNew: true });
  for (const { prepared } of run.issued) reportNotSent(prepared.entry.reference, prepared.files);
  const result: BatchResult = {
    issued: run.issued.map(({ prepared: { plan, files } }) => ({
      case: plan.case.id,
      reference: plan.reference,
      kind: plan.kind,
      update: plan.update,
      files: files.map((f) => f.path),
    })),
    skipped: run.skipped,
  };
  if (opts.json) printJson(result);
  else {
    for (const r of result.issued) process.stdout.write(`${r.reference}  ${r.case}  ${r.files.join('  ')}\n`);
    for (const s of result.skipped) process.stdout.write(`skipped ${s.case}: ${s.reason}\n`);
  }
  return result;
}
