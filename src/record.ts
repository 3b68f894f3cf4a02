/**
 * `appeal register add`: a communication sent outside the tool (on paper, before the tool)
 * enters the register, so that numbering and "Further to our ..." continue from it.
 */
import { AppealError, type Problem } from './errors.js';
import type { Kind } from './load/schema.js';
import { isRealDate, KINDS } from './load/schema.js';
import type { Workspace } from './load/workspace.js';
import { loadDirectory } from './plan/directory.js';
import { entryPath, NumberTaken, readRegister, recordEntry, withRegisterLock } from './plan/register.js';
import { parseReference } from './plan/reference.js';
import { didYouMean } from './load/validate.js';
import type { Entry } from './load/schema.js';

export interface ExternalRequest {
  reference: string;
  date: string;
  caseId: string;
  kind: string;
  update?: number;
  to?: string;
}

export async function recordExternal(ws: Workspace, req: ExternalRequest): Promise<{ entry: Entry; file: string }> {
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
  if (!(KINDS as readonly string[]).includes(req.kind)) {
    problems.push({
      key: '--kind',
      message: `'${req.kind}' is not a kind of letter: use one of ${KINDS.join(', ')}.${didYouMean(req.kind, KINDS)}`,
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

  return withRegisterLock(ws.root, async () => {
    const register = readRegister(ws.root, ws.config);
    if (register.problems.length) throw new AppealError(register.problems);
    const onCase = register.entries.filter((e) => e.case === req.caseId);
    let update = req.update;
    if (req.kind === 'update' && update === undefined) update = Math.max(0, ...onCase.map((e) => e.update ?? 0)) + 1;
    const clash = register.entries.find((e) => e.reference === req.reference);
    if (clash)
      throw new AppealError({
        key: '--ref',
        message: `${req.reference} is already in the register (${clash.file}, on '${clash.case}'): each communication has its own reference.`,
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
      kind: req.kind as Kind,
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
  });
}
