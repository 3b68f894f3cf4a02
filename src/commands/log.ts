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
  // Columns as wide as their longest value ("Letter of Concern", a long case id), so they never run together.
  const width = (values: string[], least: number) => Math.max(least, ...values.map((v) => v.length));
  const whats = entries.map((e) => label(e.kind, e.update));
  const [refW, caseW, whatW] = [
    width(
      entries.map((e) => e.reference),
      12,
    ),
    width(
      entries.map((e) => e.case),
      16,
    ),
    width(whats, 14),
  ];
  entries.forEach((e, i) => {
    const extra = e.external ? '  (sent outside appeal)' : '';
    process.stdout.write(
      `${e.reference.padEnd(refW)} ${e.date}  ${e.case.padEnd(caseW)} ${whats[i]!.padEnd(whatW)} ${e.recipients.join(',')}${extra}\n`,
    );
  });
}
