/** `appeal log`: the register, newest first. */
import { AppealError } from '../errors.js';
import { label } from '../plan/phrases.js';
import { readValidRegister } from '../register/read.js';
import { openWorkspaceFor, printJson, type GlobalOptions } from './common.js';

export interface LogOptions extends GlobalOptions {
  case?: string;
  json?: boolean;
}

export async function logCommand(opts: LogOptions): Promise<void> {
  const ws = await openWorkspaceFor(opts);
  if (opts.case) {
    const bad = ws.caseIdProblem(opts.case);
    if (bad) throw new AppealError(bad);
  }
  const entries = readValidRegister(ws.root, ws.config)
    .filter((e) => !opts.case || e.case === opts.case)
    .reverse();
  if (opts.json) {
    printJson(entries.map(({ source: _source, ...e }) => e));
    return;
  }
  if (entries.length === 0) {
    const where = opts.case ? ` on '${opts.case}'` : '';
    process.stdout.write(
      `The register holds no communication${where} yet: issue one with appeal new, or record one sent before with appeal register add.\n`,
    );
    return;
  }
  for (const e of entries) {
    const what = label(e.kind, e.update);
    const extra = e.external ? '  (sent outside appeal)' : '';
    process.stdout.write(
      `${e.reference.padEnd(12)} ${e.date}  ${e.case.padEnd(16)} ${what.padEnd(14)} ${e.recipients.join(',')}${extra}\n`,
    );
  }
}
