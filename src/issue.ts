/**
 * Issuing a letter, the main job: load -> plan -> render -> write, under the register lock.
 * Nothing is written and no number is taken when the input is invalid or for a dry run.
 */
import { AppealError } from './errors.js';
import type { OutputFormat } from './load/schema.js';
import type { Workspace } from './load/workspace.js';
import { planLetter, renumber, type Plan, type PlanRequest } from './plan/communication.js';
import { loadDirectory } from './plan/directory.js';
import { NumberTaken, readRegister, recordEntry, withRegisterLock } from './plan/register.js';
import { composeLetter } from './render/compose.js';
import type { Letter } from './render/letter.js';
import { renderFiles, writeFiles, type OutputFile } from './write/files.js';

export interface IssueRequest extends PlanRequest {
  formats?: OutputFormat[];
  dryRun?: boolean;
}

export interface Issued {
  plan: Plan;
  letter: Letter;
  files: OutputFile[];
  /** The register entry's file; undefined for a dry run. */
  entryFile?: string;
}

/** The register's entries, or an AppealError listing what is wrong with it. */
export function registerEntries(ws: Workspace) {
  const register = readRegister(ws.root, ws.config);
  if (register.problems.length) throw new AppealError(register.problems);
  return register.entries;
}

async function prepare(ws: Workspace, plan: Plan, formats: OutputFormat[]) {
  const letter = await composeLetter(ws, plan);
  const naming = { number: plan.number, date: plan.date, caseId: plan.case.id, kind: plan.kind, update: plan.update };
  const sources = [plan.case.source, ws.configSource];
  const files = await renderFiles(ws, letter, naming, formats, sources);
  return { letter, files };
}

/** Plans, renders and (unless a dry run) records and writes one letter. */
export async function issueLetter(ws: Workspace, request: IssueRequest, directory = loadDirectory(ws.root)): Promise<Issued> {
  const formats = request.formats ?? ws.config.output.formats;
  if (request.dryRun) {
    const plan = planLetter(ws, directory, registerEntries(ws), request);
    const { letter, files } = await prepare(ws, plan, formats);
    return { plan, letter, files };
  }
  return withRegisterLock(ws.root, async () => {
    let plan = planLetter(ws, directory, registerEntries(ws), request);
    for (;;) {
      const { letter, files } = await prepare(ws, plan, formats);
      try {
        const entryFile = recordEntry(ws.root, ws.config, {
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
        });
        writeFiles(ws.root, files);
        return { plan, letter, files, entryFile };
      } catch (e) {
        if (!(e instanceof NumberTaken)) throw e;
        // A run that did not hold the lock took this number: take the next one.
        plan = renumber(plan, ws, plan.number + 1);
      }
    }
  });
}
