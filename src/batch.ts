/**
 * `appeal batch`: one letter for each of many cases, as a CI job does after case files change.
 * Every case is planned first; if any is wrong, nothing is written. A case with nothing new
 * since its last letter is skipped, not an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppealError, NothingNew, type Problem } from './errors.js';
import type { OutputFormat } from './load/schema.js';
import type { Workspace } from './load/workspace.js';
import { checkLetter, issueLetter, registerEntries } from './issue.js';
import { withRegisterLock } from './plan/register.js';
import { loadDirectory } from './plan/directory.js';

export interface BatchRequest {
  to: string;
  kind?: string;
  cases?: string;
  changedSince?: string;
  all?: boolean;
  date: string;
  formats?: OutputFormat[];
  dryRun?: boolean;
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

function selectCases(ws: Workspace, req: BatchRequest): string[] {
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

export async function runBatch(ws: Workspace, req: BatchRequest): Promise<BatchResult> {
  const ids = selectCases(ws, req);
  const directory = loadDirectory(ws.root);
  const result: BatchResult = { issued: [], skipped: [] };
  const problems: Problem[] = [];
  const ready: string[] = [];
  const request = (caseId: string) => ({ caseId, to: req.to, kind: req.kind, date: req.date, formats: req.formats, dryRun: req.dryRun });
  // Each case is checked against the register as it is now; the letters are then issued in one
  // turn of the register lock, each seeing the ones before it.
  const entries = registerEntries(ws);
  for (const id of ids) {
    try {
      await checkLetter(ws, request(id), directory, entries);
      ready.push(id);
    } catch (e) {
      if (e instanceof NothingNew) result.skipped.push({ case: id, reason: e.problems[0]!.message });
      else if (e instanceof AppealError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new AppealError(problems);
  const issueAll = async () => {
    const held = { entries: registerEntries(ws) };
    for (const id of ready) {
      let issued;
      try {
        issued = await issueLetter(ws, request(id), directory, held);
      } catch (e) {
        // Another run wrote about this case since it was checked.
        if (!(e instanceof NothingNew)) throw e;
        result.skipped.push({ case: id, reason: e.problems[0]!.message });
        continue;
      }
      result.issued.push({
        case: id,
        reference: issued.plan.reference,
        kind: issued.plan.kind,
        update: issued.plan.update,
        files: issued.files.map((f) => f.path),
      });
    }
  };
  if (req.dryRun) await issueAll();
  else await withRegisterLock(ws.root, issueAll);
  return result;
}
