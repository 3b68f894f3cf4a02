/**
 * `appeal register add`: a communication sent outside the tool (on paper, before the tool)
 * enters the register, so that numbering and "Further to our ..." continue from it.
 */
import { AppealError, type Problem } from '../errors.js';
import { parseReference } from '../domain/reference.js';
import { isRealDate } from '../domain/terms.js';
import type { Entry } from '../load/schema.js';
import type { Workspace } from '../load/workspace.js';
import { loadDirectory } from '../plan/directory.js';
import { entryPath } from '../register/entry.js';
import { holdRegister } from '../register/index.js';
import { nextUpdate } from '../register/numbering.js';
import { NumberTaken, recordEntry } from '../register/record.js';
import { allKinds } from '../render/template.js';
import { didYouMean } from '../suggest.js';
import { lockOptions, openWorkspaceFor, printJson, type GlobalOptions } from './common.js';

export interface ExternalRequest {
  reference: string;
  date: string;
  caseId: string;
  kind: string;
  update?: number;
  to?: string;
}

export async function recordExternal(ws: Workspace, req: ExternalRequest, lock = lockOptions({})): Promise<{ entry: Entry; file: string }> {
  const problems: Problem[] = [];
  const format = ws.config.references.format;
  const parsed = parseReference(format, req.reference);
  if (!parsed) {
    problems.push({
      key: '--ref',
      message: `'${req.reference}' does not fit the reference format '${format}' of appeal.yaml (for example ${format
        .replace(/\{n(:\d)?\}/, '475')
        .replace('{yyyy}', '2007')
        .replace('{yy}', '07')}).`,
    });
  }
  if (!isRealDate(req.date)) problems.push({ key: '--date', message: `'${req.date}' is not a real date: write it as yyyy-mm-dd.` });
  else if (parsed?.yyyy && parsed.yyyy !== req.date.slice(0, 4)) {
    problems.push({
      key: '--ref',
      message: `the reference ${req.reference} is of ${parsed.yyyy}, but --date is in ${req.date.slice(0, 4)}: correct one of them.`,
    });
  } else if (parsed?.yy && parsed.yy !== req.date.slice(2, 4)) {
    problems.push({
      key: '--ref',
      message: `the reference ${req.reference} is of '${parsed.yy}, but --date is in ${req.date.slice(0, 4)}: correct one of them.`,
    });
  }
  const kinds = allKinds(ws.root);
  if (!kinds.includes(req.kind)) {
    problems.push({
      key: '--kind',
      message: `'${req.kind}' is not a kind of letter: the kinds with a template are ${kinds.join(', ')}.${didYouMean(req.kind, kinds)}`,
    });
  }
  if (req.update !== undefined && req.kind !== 'update') {
    problems.push({ key: '--update', message: 'only an update has an update number: give --kind update, or leave out --update.' });
  }
  const badCase = ws.caseIdProblem(req.caseId);
  if (badCase) problems.push(badCase);
  let recipients: string[] = [];
  if (req.to) {
    try {
      recipients = loadDirectory(ws.root)
        .resolve(req.to, isRealDate(req.date) ? req.date : '9999-12-31')
        .map((a) => a.key);
    } catch (e) {
      if (!(e instanceof AppealError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new AppealError(problems);

  return holdRegister(
    ws.root,
    ws.config,
    async (entries) => {
      const onCase = entries.filter((e) => e.case === req.caseId);
      let update = req.update;
      if (req.kind === 'update' && update === undefined) update = nextUpdate(entries, req.caseId);
      const clash = entries.find((e) => e.reference === req.reference);
      if (clash)
        throw new AppealError({
          key: '--ref',
          message:
            `${req.reference} is already in the register (${clash.file}, on ` +
            `'${clash.case}'): each communication has its own reference.`,
        });
      const sameUpdate = update !== undefined && onCase.find((e) => e.update === update);
      if (sameUpdate) {
        throw new AppealError({
          key: '--update',
          message: `Update No ${update} on '${req.caseId}' is already in the register (${sameUpdate.reference}, ${sameUpdate.file}).`,
        });
      }
      const entry: Entry = {
        reference: req.reference.trim(),
        number: parsed!.n,
        date: req.date,
        case: req.caseId,
        kind: req.kind,
        update,
        recipients,
        events: [],
        files: [],
        external: true,
      };
      try {
        return { entry, file: recordEntry(ws.root, ws.config, entry).file };
      } catch (e) {
        if (e instanceof NumberTaken) {
          throw new AppealError({
            key: '--ref',
            message: `the number ${entry.number} is already in the register (register/${entryPath(ws.config, entry.number, entry.date)}).`,
          });
        }
        throw e;
      }
    },
    lock,
  );
}

export interface RegisterAddOptions extends GlobalOptions {
  ref: string;
  date: string;
  case: string;
  kind: string;
  update?: string;
  to?: string;
  json?: boolean;
}

export async function registerAddCommand(opts: RegisterAddOptions): Promise<void> {
  let update: number | undefined;
  if (opts.update !== undefined) {
    update = Number(opts.update);
    if (!Number.isInteger(update) || update < 1) {
      throw new AppealError({ key: '--update', message: `'${opts.update}' is not an update number: give a whole number from 1.` });
    }
  }
  const ws = await openWorkspaceFor(opts);
  const request = { reference: opts.ref, date: opts.date, caseId: opts.case, kind: opts.kind, update, to: opts.to };
  const { entry, file } = await recordExternal(ws, request, lockOptions(opts));
  if (opts.json) printJson({ ...entry, file });
  else process.stdout.write(`${entry.reference} recorded in ${file}\n`);
}
