/** `appeal new`: issue one letter, or show it (--dry-run) without taking a number. */
import { issueLetters } from '../issue.js';
import { renderText } from '../write/text.js';
import { reportNotSent } from './common.js';
import { letterDate, lockOptions, openWorkspaceFor, outputFormats, printJson, type GlobalOptions } from './common.js';

export interface NewOptions extends GlobalOptions {
  case: string;
  to: string;
  kind?: string;
  date?: string;
  signedBy?: string;
  format?: string;
  dryRun?: boolean;
  allowFuture?: boolean;
  lang?: string;
  json?: boolean;
}

export async function newCommand(opts: NewOptions): Promise<void> {
  const date = letterDate(opts.date, !!opts.allowFuture);
  const formats = outputFormats(opts.format);
  const ws = await openWorkspaceFor(opts);
  const request = { caseId: opts.case, to: opts.to, kind: opts.kind, date, signedBy: opts.signedBy, formats, lang: opts.lang };
  const { issued } = await issueLetters(ws, [request], { dryRun: !!opts.dryRun, lock: lockOptions(opts) });
  const { prepared, entryFile } = issued[0]!;
  const { entry, files, letter } = prepared;
  reportNotSent(entry.reference, files);
  // The text letter as rendered, or rendered for the screen when only a PDF was asked for (only a
  // dry run shows it: it keeps the composed letter, which an issued letter's report lets go).
  const txt = files.find((f) => f.format === 'txt');
  const text = (): string => {
    if (txt?.bytes) return Buffer.from(txt.bytes).toString('utf8');
    if (!letter) throw new Error('a dry run keeps its composed letter');
    return renderText(letter, ws.config.output.width);
  };
  if (opts.json) {
    const summary = {
      ...entry,
      dryRun: !!opts.dryRun,
      register: entryFile,
      files: files.map((f) => ({ path: f.path, sha256: f.sha256, written: !opts.dryRun })),
    };
    printJson(opts.dryRun ? { ...summary, text: text() } : summary);
  } else if (opts.dryRun) process.stdout.write(text());
  else process.stdout.write(`${entry.reference}\n${entry.files.map((f) => `  ${f.path}\n`).join('')}`);
}
