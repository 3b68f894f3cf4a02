/**
 * Issuing a letter, the main job: load -> plan -> render -> write, under the register lock.
 * Nothing is written and no number is taken when the input is invalid or for a dry run.
 */
import { AppealError } from './errors.js';
import type { Entry, OutputFormat } from './load/schema.js';
import type { Workspace } from './load/workspace.js';
import { planLetter, renumber, type Plan, type PlanRequest } from './plan/communication.js';
import { loadDirectory } from './plan/directory.js';
import { asRegistered, NumberTaken, readRegister, recordEntry, withRegisterLock, type RegisteredEntry } from './plan/register.js';
import { composeLetter } from './render/compose.js';
import type { Letter } from './render/letter.js';
import { checkFormats, renderFiles, writeFiles, type OutputFile } from './write/files.js';

export interface IssueRequest extends PlanRequest {
  formats?: OutputFormat[];
  dryRun?: boolean;
}

export interface Issued {
  plan: Plan;
  letter: Letter;
  files: OutputFile[];
  /** The register entry: as recorded, or as a dry run would record it. */
  entry: Entry;
  /** The register entry's file; undefined for a dry run. */
  entryFile?: string;
}

/** The register's entries, or an AppealError listing what is wrong with it. */
export function registerEntries(ws: Workspace) {
  const register = readRegister(ws.root, ws.config);
  if (register.problems.length) throw new AppealError(register.problems);
  return register.entries;
}

/** The files a letter's text comes from: where a character that cannot be drawn is looked for. */
const sourcesOf = (ws: Workspace, plan: Plan) => [plan.case.source, ws.configSource];

async function prepare(ws: Workspace, plan: Plan, formats: OutputFormat[]) {
  const letter = await composeLetter(ws, plan);
  const naming = { number: plan.number, date: plan.date, caseId: plan.case.id, kind: plan.kind, update: plan.update };
  const files = await renderFiles(ws, letter, naming, formats, sourcesOf(ws, plan));
  return { letter, files };
}

/**
 * Plans and composes a letter and checks it can be written in its formats, without rendering
 * files or taking a number: what `appeal batch` asks of every case before it writes any.
 */
export async function checkLetter(
  ws: Workspace,
  request: IssueRequest,
  directory = loadDirectory(ws.root),
  entries = registerEntries(ws),
): Promise<Plan> {
  const plan = planLetter(ws, directory, entries, request);
  const letter = await composeLetter(ws, plan);
  await checkFormats(ws, letter, request.formats ?? ws.config.output.formats, sourcesOf(ws, plan));
  return plan;
}

/**
 * The register as a run that holds the lock sees it: read once, then kept up to date with what
 * the run records. `appeal batch` holds one for all its letters.
 */
export interface HeldRegister {
  entries: RegisteredEntry[];
}

/**
 * Plans, renders and (unless a dry run) records and writes one letter. With `held`, the caller
 * holds the register lock; without it, the letter takes the lock for itself.
 */
export async function issueLetter(
  ws: Workspace,
  request: IssueRequest,
  directory = loadDirectory(ws.root),
  held?: HeldRegister,
): Promise<Issued> {
  if (!held && !request.dryRun) {
    return withRegisterLock(ws.root, () => issueLetter(ws, request, directory, { entries: registerEntries(ws) }));
  }
  const register = held ?? { entries: registerEntries(ws) };
  const formats = request.formats ?? ws.config.output.formats;
  let plan = planLetter(ws, directory, register.entries, request);
  for (;;) {
    const { letter, files } = await prepare(ws, plan, formats);
    const entry: Entry = {
      reference: plan.reference,
      number: plan.number,
      date: plan.date,
      case: plan.case.id,
      kind: plan.kind,
      update: plan.update,
      recipients: plan.recipients,
      events: plan.events.map((e) => ({ date: e.event.date, id: e.id })),
      files: files.map((f) => ({ path: f.path, sha256: f.sha256 })),
      external: false,
    };
    if (request.dryRun) {
      // Nothing written; a batch dry run still numbers its letters one after another.
      register.entries.push(asRegistered(ws.config, entry));
      return { plan, letter, files, entry };
    }
    try {
      const recorded = recordEntry(ws.root, ws.config, entry);
      register.entries.push(recorded);
      writeFiles(ws.root, files);
      return { plan, letter, files, entry, entryFile: recorded.file };
    } catch (e) {
      if (!(e instanceof NumberTaken)) throw e;
      // A run that did not hold the lock took this number: take the next one.
      plan = renumber(plan, ws, plan.number + 1);
    }
  }
}
