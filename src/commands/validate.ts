/**
 * `appeal validate`: the whole workspace at once (configuration, every case, recipients,
 * templates, the register), every problem reported, none fatal to the others.
 */
import { AppealError, type Problem } from '../errors.js';
import { todayIso } from '../domain/terms.js';
import { openWorkspace, type Workspace } from '../load/workspace.js';
import { eventId, futureEvents, mandatesFor } from '../plan/communication.js';
import { checkRegister } from '../register/check.js';
import { loadDirectory, type Directory } from '../plan/directory.js';
import { readRegister } from '../register/read.js';
import { formatProblem } from '../errors.js';
import { findWorkspace } from '../load/find.js';
import { printJson, type GlobalOptions } from './common.js';
import { checkTemplates } from '../render/template.js';
import { signatoryProblems } from '../load/signatories.js';

export interface Report {
  problems: Problem[];
  cases: number;
  entries: number;
}

function collect(problems: Problem[], work: () => void): void {
  try {
    work();
  } catch (e) {
    if (e instanceof AppealError) problems.push(...e.problems);
    else throw e;
  }
}

/**
 * One case's problems; for a case the register names, the ids of its events (null: it could not
 * be read, its problems say why). The case is not kept: each is read once.
 */
function checkCase(
  ws: Workspace,
  directory: Directory | undefined,
  id: string,
  today: string,
  problems: Problem[],
  named: Set<string>,
  caseEvents: Map<string, Set<string> | null>,
): void {
  if (named.has(id)) caseEvents.set(id, null);
  collect(problems, () => {
    const c = ws.loadCase(id, 'cases', false);
    if (named.has(id)) caseEvents.set(id, new Set(c.data.events.map(eventId)));
    if (directory) {
      // Whether each concern names a mandate; its dates are checked against each letter's date.
      problems.push(...mandatesFor(c, directory, today).problems.filter((p) => !/began in/.test(p.message)));
    }
    c.data.related.forEach((other, i) => {
      const bad = ws.caseIdProblem(other, 'related');
      if (bad) problems.push(c.source.problem(['related', i], bad.message));
    });
    problems.push(...futureEvents(c, today));
    c.data.events.forEach((event, i) => {
      event.see.forEach((other, j) => {
        const bad = ws.caseIdProblem(other, 'see');
        if (bad) problems.push(c.source.problem(['events', i, 'see', j], bad.message));
      });
    });
  });
}

export async function validateWorkspace(root: string): Promise<Report> {
  const problems: Problem[] = [];
  let ws: Workspace;
  try {
    ws = await openWorkspace(root);
  } catch (e) {
    if (e instanceof AppealError) return { problems: e.problems, cases: 0, entries: 0 };
    throw e;
  }
  let directory: Directory | undefined;
  collect(problems, () => {
    directory = loadDirectory(root);
  });
  const ids = ws.caseIds();
  problems.push(...(await signatoryProblems(root)));
  // Today once for the run, not twice a case (a Date read in local time each: 8 ms for 1,000 cases, cold).
  const today = todayIso();
  // The register first (its problems are still reported after the cases' and the templates'), so
  // that each case the register names gives the ids of its events as it is checked: the event ids
  // (their `id`, or a digest of date and text) a case no entry names are never needed.
  const register = readRegister(root, ws.config);
  const named = new Set(register.entries.map((e) => e.case));
  const caseEvents = new Map<string, Set<string> | null>();
  for (const id of ids) checkCase(ws, directory, id, today, problems, named, caseEvents);
  problems.push(...(await checkTemplates(root)));
  problems.push(...register.problems);
  problems.push(...checkRegister(register.entries, { root, config: ws.config, caseEvents }));
  return { problems, cases: ids.length, entries: register.entries.length };
}

export interface ValidateOptions extends GlobalOptions {
  format: 'text' | 'json' | 'github';
}

/** GitHub Actions' annotation of a problem: `::error file=...,line=...::message`. */
function githubAnnotation(p: Problem): string {
  const props = [
    p.file && `file=${p.file.replace(/ \(built in\)$/, '')}`,
    p.line && `line=${p.line}`,
    p.col && `col=${p.col}`,
    p.key && `title=${p.key}`,
  ]
    .filter(Boolean)
    .join(',');
  return `::error ${props}::${p.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
}

/** Prints the report as asked; exit status 1 when there is any problem. */
export async function validateCommand(opts: ValidateOptions): Promise<Report> {
  const report = await validateWorkspace(findWorkspace(process.cwd(), opts.workspace));
  const { problems } = report;
  if (opts.format === 'json') printJson({ ok: problems.length === 0, ...report });
  else if (opts.format === 'github') for (const p of problems) process.stdout.write(`${githubAnnotation(p)}\n`);
  else {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    if (problems.length) process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} found.\n`);
    else process.stdout.write(`ok: ${report.cases} cases, ${report.entries} register entries\n`);
  }
  if (problems.length) process.exitCode = 1;
  return report;
}
