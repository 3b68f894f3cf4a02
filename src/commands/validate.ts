/**
 * `appeal validate`: the whole workspace at once (configuration, every case, recipients,
 * templates, the register), every problem reported, none fatal to the others.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
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

/** One case's problems; its event ids when asked for (null: it could not be read, its problems say why). */
interface CaseResult {
  problems: Problem[];
  events?: string[] | null;
}

/** One case's problems, and the ids of its events when `events` (their \`id\`, or a digest of date and text). */
function checkCase(ws: Workspace, directory: Directory | undefined, id: string, today: string, events: boolean): CaseResult {
  const problems: Problem[] = [];
  const result: CaseResult = { problems, events: events ? null : undefined };
  collect(problems, () => {
    // Not kept: each case is read once, and 1,000 kept cases cost the collector more than their reading.
    const c = ws.loadCase(id, 'cases', false);
    if (events) result.events = c.data.events.map(eventId);
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
  return result;
}

/** Cases a thread claims at a time from the counter the threads share. */
const CHUNK = 16;

/**
 * From how many cases a second thread checks cases beside the main one: starting it (a thread,
 * the bundle loaded again) costs about what the main thread checks 200 cases in.
 */
export const HELPER_FROM = 300;

/** Checks the chunks of cases this thread claims, until none is left; each result at its case's index. */
function claimCases(
  ws: Workspace,
  directory: Directory | undefined,
  ids: string[],
  today: string,
  events: (id: string) => boolean,
  counter: Int32Array,
  done: (i: number, result: CaseResult) => void,
): void {
  for (let k = Atomics.add(counter, 0, 1); k * CHUNK < ids.length; k = Atomics.add(counter, 0, 1)) {
    for (let i = k * CHUNK; i < Math.min(ids.length, (k + 1) * CHUNK); i++)
      done(i, checkCase(ws, directory, ids[i]!, today, events(ids[i]!)));
  }
}

interface HelperData {
  root: string;
  ids: string[];
  today: string;
  counter: Int32Array;
}

/**
 * A second thread that checks cases beside this one, when validate runs from the built bundle
 * (dist/, loaded by dist/start.cjs with its code cache); undefined when it runs from source.
 * Resolves to its results by case index; to what it has when it fails (the main thread then
 * checks the cases it did not answer, and meets the same problem, or bug, itself).
 */
function startHelper(data: HelperData): Promise<[number, CaseResult][]> | undefined {
  if (process.env.APPEAL_THREADS === '1') return undefined;
  const module = fileURLToPath(import.meta.url);
  const dist = dirname(dirname(module));
  const start = join(dist, 'start.cjs');
  if (!module.endsWith('.cjs') || !existsSync(start)) return undefined;
  const code =
    "const { workerData } = require('node:worker_threads');" +
    'const { Loader, cacheDirOf } = require(workerData.start);' +
    'new Loader(workerData.dist, cacheDirOf(workerData.dist)).require(workerData.module).helpValidate();';
  let worker: Worker;
  try {
    worker = new Worker(code, { eval: true, workerData: { ...data, start, dist, module } });
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    worker.once('message', (results: [number, CaseResult][]) => resolve(results));
    worker.once('error', () => resolve([]));
    worker.once('exit', () => resolve([]));
  });
}

/** The helper thread's work (see startHelper): the cases it claims, posted back at once. */
export async function helpValidate(): Promise<void> {
  const { root, ids, today, counter } = workerData as HelperData;
  const ws = await openWorkspace(root);
  let directory: Directory | undefined;
  try {
    directory = loadDirectory(root);
  } catch (e) {
    if (!(e instanceof AppealError)) throw e;
  }
  ws.caseIds(); // the listing that tells which case files exist
  const results: [number, CaseResult][] = [];
  claimCases(
    ws,
    directory,
    ids,
    today,
    () => true,
    counter,
    (i, r) => results.push([i, r]),
  );
  parentPort!.postMessage(results);
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
  // Today once for the run, not twice a case (a Date read in local time each: 8 ms for 1,000 cases, cold).
  const today = todayIso();
  // Many cases: a second thread claims chunks of them as this one does, from one counter.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const helper = ids.length >= HELPER_FROM ? startHelper({ root, ids, today, counter }) : undefined;
  problems.push(...(await signatoryProblems(root)));
  // The register first (its problems are still reported after the cases' and the templates'), so
  // that each case the register names gives the ids of its events as it is checked.
  const register = readRegister(root, ws.config);
  const named = new Set(register.entries.map((e) => e.case));
  const results: (CaseResult | undefined)[] = new Array(ids.length);
  const done = (i: number, r: CaseResult) => (results[i] = r);
  // APPEAL_THREADS=helper (for the tests): the helper checks every case, this thread none.
  if (helper && process.env.APPEAL_THREADS === 'helper') await helper;
  claimCases(ws, directory, ids, today, (id) => named.has(id), counter, done);
  const templateProblems = await checkTemplates(root);
  if (helper) for (const [i, r] of await helper) done(i, r);
  const caseEvents = new Map<string, Set<string> | null>();
  ids.forEach((id, i) => {
    const r = (results[i] ??= checkCase(ws, directory, id, today, named.has(id)));
    problems.push(...r.problems);
    if (named.has(id)) caseEvents.set(id, r.events ? new Set(r.events) : null);
  });
  problems.push(...templateProblems);
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
