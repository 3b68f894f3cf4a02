/**
 * Issuing a letter, the main job, one step a line:
 *   plan -> compose -> check (every letter of the run) -> render and commit (pending, files, entry:
 *   see register/pending.ts), one letter at a time
 * `appeal new` issues one letter and `appeal batch` many, both through `prepareLetter` and
 * `commitLetter`, under the register lock they hold. A dry run stops after the check and never
 * touches the lock: it takes no number and writes nothing.
 */
import { AppealError, NothingNew, type Problem } from './errors.js';
import type { Entry, OutputFormat } from './load/schema.js';
import type { Workspace } from './load/workspace.js';
import { letterSubject } from './plan/persons.js';
import { planLetter, type Plan, type PlanRequest } from './plan/communication.js';
import { loadDirectory, type Directory } from './plan/directory.js';
import { asRegistered, serialiseEntry, type RegisteredEntry } from './register/entry.js';
import { holdRegister, type LockOptions } from './register/index.js';
import { beginPending, endPending, removeWritten } from './register/pending.js';
import { readValidRegister } from './register/read.js';
import { NumberTaken, recordEntry } from './register/record.js';
import { composeLetter } from './render/compose.js';
import type { Letter } from './render/letter.js';
import { renderFiles, writeFiles, type MailHeader, type Naming, type OutputFile } from './write/files.js';
import { label } from './plan/phrases.js';
import { boundHeap } from './heap.js';

export interface IssueRequest extends PlanRequest {
  formats?: OutputFormat[];
}

/** A letter planned, composed and rendered: ready to commit, or to show for a dry run. */
export interface PreparedLetter {
  plan: Plan;
  letter: Letter;
  files: OutputFile[];
  /** The register entry it makes. */
  entry: Entry;
}

/** The envelope of a letter sent as an .eml: its recipients' addresses, its subject, its sender. */
function mailHeader(ws: Workspace, plan: Plan): MailHeader {
  const { name, email } = ws.config.organisation;
  return {
    recipients: plan.addressees.map((a) => ({ name: a.name, email: a.email })),
    // Only what the letter itself may print: never a confidential person's name.
    subject: `${plan.reference}: ${letterSubject(plan.case, plan.lang)}, ${label(plan.kind, plan.update, plan.lang)}`,
    ...(email && { from: { name, email } }),
  };
}

function namingOf(plan: Plan): Naming {
  const { reference, number, date, kind, update } = plan;
  return { reference, number, date, caseId: plan.case.id, kind, update };
}

/** The register entry of a letter: what it is, what it reported, the files with their SHA-256. */
function entryOf(plan: Plan, files: OutputFile[]): Entry {
  return {
    reference: plan.reference,
    number: plan.number,
    date: plan.date,
    case: plan.case.id,
    kind: plan.kind,
    update: plan.update,
    language: plan.lang,
    recipients: plan.recipients,
    events: plan.events.map((e) => ({ date: e.event.date, id: e.id })),
    files: files.map((f) => ({ path: f.path, sha256: f.sha256 ?? '' })),
    external: false,
  };
}

/**
 * Plans, composes and renders one letter against `entries` (the register as this run sees it),
 * then adds its entry to `entries`, so the next letter of a batch takes the next number.
 * With `draw: false` a PDF is checked, not drawn, and the entry has no SHA-256 yet: a dry run
 * stops there, and `issueLetters` draws each letter (drawLetter) just before it commits it.
 */
export async function prepareLetter(
  ws: Workspace,
  directory: Directory,
  entries: RegisteredEntry[],
  request: IssueRequest,
  draw: boolean,
): Promise<PreparedLetter> {
  const plan = planLetter(ws, directory, entries, request);
  const letter = await composeLetter(ws, plan);
  const sources = [plan.case.source, ws.configSource];
  const formats = request.formats ?? ws.config.output.formats;
  const files = await renderFiles(ws, letter, namingOf(plan), formats, sources, mailHeader(ws, plan), draw);
  const entry = entryOf(plan, files);
  entries.push(asRegistered(ws.config, entry));
  return { plan, letter, files, entry };
}

/**
 * Renders the files of a letter prepared with `draw: false`, and puts their SHA-256 in its entry
 * (also in the copy `prepareLetter` added to the run's register: they share the file records).
 */
async function drawLetter(ws: Workspace, prepared: PreparedLetter): Promise<void> {
  const { plan, letter, entry } = prepared;
  if (prepared.files.every((f) => f.bytes)) return; // text only: rendered when prepared
  const formats = prepared.files.map((f) => f.format);
  const files = await renderFiles(ws, letter, namingOf(plan), formats, [plan.case.source, ws.configSource], mailHeader(ws, plan), true);
  files.forEach((f, i) => (entry.files[i]!.sha256 = f.sha256 ?? ''));
  prepared.files = files;
}

/**
 * For the tests of what a kill leaves: APPEAL_CRASH_AT=pending|files|entry kills this process
 * (SIGKILL, as `kill -9` does) right after that step of committing a letter.
 */
function crashPoint(step: string): void {
  if (process.env.APPEAL_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

/**
 * Takes the letter's number together with its files: announces it, writes the files, records
 * the entry, in that order. Called with the register lock held. If anything fails, what was
 * written is removed again and the register is as it was.
 */
export function commitLetter(ws: Workspace, prepared: PreparedLetter): string {
  const { entry, files } = prepared;
  // The announcement is the entry's own text: made once (YAML's writer, 0.18 ms a letter).
  const text = serialiseEntry(entry);
  const pending = beginPending(ws.root, ws.config, entry, text);
  crashPoint('pending');
  try {
    writeFiles(ws.root, files);
    crashPoint('files');
    // Linked from the pending file, which holds the same text: no file written, no inode freed.
    const recorded = recordEntry(ws.root, ws.config, entry, text, pending);
    crashPoint('entry');
    endPending(pending);
    return recorded.file;
  } catch (e) {
    removeWritten(ws.root, entry.files);
    endPending(pending);
    if (e instanceof NumberTaken) {
      throw new AppealError({
        file: `register/${e.message}`,
        message:
          `this number was taken by a program that did not hold the register lock while ` +
          `this run issued ${entry.reference}. Nothing was issued: run the command again.`,
      });
    }
    throw e;
  }
}

export interface IssueOptions {
  /** Take no number, write nothing, never touch the lock; a PDF is checked, not drawn. */
  dryRun: boolean;
  lock?: LockOptions;
  /** For a batch: a case with nothing new is skipped instead of failing the run. */
  skipNothingNew?: boolean;
  /** Told after each case is prepared, and after each letter is issued: for a progress line. */
  onProgress?: (step: 'prepared' | 'issued', done: number, total: number, caseId: string) => void;
}

/**
 * A letter as a run reports it: as prepared for a dry run; once issued, without its composed
 * letter and its files' bytes (a batch of 1,000 would otherwise hold them all to the end).
 */
export type ReportedLetter = Omit<PreparedLetter, 'letter'> & { letter?: Letter };

export interface IssueResult {
  issued: { prepared: ReportedLetter; entryFile?: string }[];
  skipped: { case: string; reason: string }[];
}

/**
 * Issues the letters `requests` ask for, one after another on one reading of the register.
 * Every letter is prepared and checked (as a dry run checks it) before any is written: if one is
 * wrong, nothing is written. Then each is drawn and committed in turn, its bytes let go after.
 */
export async function issueLetters(ws: Workspace, requests: IssueRequest[], options: IssueOptions): Promise<IssueResult> {
  const directory = loadDirectory(ws.root);
  const run = async (entries: RegisteredEntry[]): Promise<IssueResult> => {
    const result: IssueResult = { issued: [], skipped: [] };
    const problems: Problem[] = [];
    for (const [i, request] of requests.entries()) {
      options.onProgress?.('prepared', i + 1, requests.length, request.caseId);
      try {
        result.issued.push({ prepared: await prepareLetter(ws, directory, entries, request, false) });
      } catch (e) {
        if (e instanceof NothingNew && options.skipNothingNew)
          result.skipped.push({ case: request.caseId, reason: e.problems[0]!.message });
        else if (e instanceof AppealError) problems.push(...e.problems);
        else throw e;
      }
    }
    if (problems.length) throw new AppealError(problems);
    if (options.dryRun) return result;
    // One letter's files in memory at a time: drawn, written, then let go (a batch of 1,000
    // PDFs would otherwise hold them all).
    for (const [i, letter] of result.issued.entries()) {
      const prepared = letter.prepared as PreparedLetter;
      await drawLetter(ws, prepared);
      letter.entryFile = commitLetter(ws, prepared);
      const { letter: _composed, files, ...rest } = prepared;
      letter.prepared = { ...rest, files: files.map(({ bytes: _written, ...file }) => file) };
      options.onProgress?.('issued', i + 1, result.issued.length, prepared.plan.case.id);
      if (result.issued.length > 1) boundHeap();
    }
    return result;
  };
  if (options.dryRun) return run(readValidRegister(ws.root, ws.config));
  return holdRegister(ws.root, ws.config, run, options.lock);
}
