/**
 * The files a letter is written to: one per format, from the same rendered letter, named so
 * a person can find them (out/2007/475-metinpur-update-3.txt), each written whole or not at all.
 */
import { createHash } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { makeFolder } from '../folders.js';
import { dirname, join, relative, resolve } from 'node:path';
import { AppealError, systemProblem } from '../errors.js';
import type { OutputFormat } from '../load/schema.js';
import type { YamlSource } from '../load/source.js';
import type { Workspace } from '../load/workspace.js';
import type { Letter } from '../render/letter.js';
import { renderText } from './text.js';

export interface OutputFile {
  format: OutputFormat;
  /** Relative to the workspace, with '/' separators: what the register records. */
  path: string;
  /** The file's bytes; undefined for a PDF in a dry run, which is checked but not drawn. */
  bytes?: Uint8Array;
  sha256?: string;
  /** For an .eml: the recipients it could not be addressed to (no e-mail address). */
  notSent?: string[];
}

/** What an .eml needs beyond the letter: who it goes to, its subject, who sends it. */
export interface MailHeader {
  recipients: { name: string; email?: string }[];
  subject: string;
  from?: { name: string; email: string };
}

export interface Naming {
  reference: string;
  number: number;
  date: string;
  caseId: string;
  kind: string;
  update?: number;
}

/** "out/2007/475-metinpur-update-3" (without extension), relative to the workspace. */
export function baseName(ws: Workspace, n: Naming): string {
  const dir = relative(ws.root, resolve(ws.root, ws.config.output.dir)).split('\\').join('/') || '.';
  const name = [String(n.number), n.caseId, n.kind, ...(n.update ? [String(n.update)] : [])].join('-');
  return `${dir}/${n.date.slice(0, 4)}/${name}`;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where a character of the letter came from: the first string of the sources that holds it. */
export function locator(sources: YamlSource[]) {
  return (char: string) => {
    for (const source of sources) {
      for (const { path, value } of source.strings()) {
        if (value.includes(char)) {
          const { line, col } = source.position(path);
          return { file: source.file, line, col, key: path.join('.') };
        }
      }
    }
    return undefined;
  };
}

/**
 * The PDF writer, loaded by the first letter that needs it: pdfkit and the fonts only when a PDF
 * is made. Held after, so that each letter of a batch does not wrap the modules' exports again.
 */
let pdfModules: Promise<{ pdfOptions: typeof import('./pdf-options.js').pdfOptions; pdf: typeof import('./pdf/index.js') }> | undefined;
const pdfWriter = () =>
  (pdfModules ??= Promise.all([import('./pdf-options.js'), import('./pdf/index.js')]).then(([o, pdf]) => ({
    pdfOptions: o.pdfOptions,
    pdf,
  })));

/**
 * Renders the letter in each format, in memory. PDF code is loaded only when a PDF is asked for
 * (or attached to an .eml); with `draw: false` (a dry run) a PDF is only checked: every character
 * has a font, and an .eml is not built.
 */
export async function renderFiles(
  ws: Workspace,
  letter: Letter,
  naming: Naming,
  formats: OutputFormat[],
  sources: YamlSource[],
  mail: MailHeader,
  draw = true,
): Promise<OutputFile[]> {
  const base = baseName(ws, naming);
  const made = new Map<OutputFormat, OutputFile>();
  const file = (format: OutputFormat, bytes?: Uint8Array, notSent?: string[]): OutputFile => ({
    format,
    path: `${base}.${format}`,
    ...(bytes && { bytes, sha256: sha256(bytes) }),
    ...(notSent && { notSent }),
  });
  const wants = (f: OutputFormat) => formats.includes(f) || (f !== 'eml' && formats.includes('eml') && draw);
  if (wants('txt')) made.set('txt', file('txt', Buffer.from(renderText(letter, ws.config.output.width), 'utf8')));
  if (wants('pdf')) {
    const { pdfOptions, pdf } = await pdfWriter();
    const options = pdfOptions(ws, locator(sources));
    if (draw) made.set('pdf', file('pdf', await pdf.renderPdf(letter, options)));
    else {
      pdf.checkPdf(letter, options);
      made.set('pdf', file('pdf'));
    }
  }
  if (formats.includes('eml')) {
    if (!draw) made.set('eml', file('eml'));
    else {
      const { buildEml } = await import('./eml.js');
      const pdf = made.get('pdf')!;
      const message = await buildEml({
        ...mail,
        date: naming.date,
        text: Buffer.from(made.get('txt')!.bytes!).toString('utf8'),
        pdf: { bytes: pdf.bytes!, fileName: pdf.path.slice(pdf.path.lastIndexOf('/') + 1) },
        seed: naming.reference,
      });
      made.set(
        'eml',
        file(
          'eml',
          message.bytes,
          message.notSent.map((r) => r.name),
        ),
      );
    }
  }
  return formats.map((f) => made.get(f)!);
}

/**
 * Writes each file through a temporary name and a rename: never half a letter on disk. If one
 * cannot be written, those already written are removed again and the error is raised.
 */
export function writeFiles(root: string, files: OutputFile[]): void {
  const written: string[] = [];
  try {
    for (const f of files) {
      if (!f.bytes) throw new Error(`${f.path} was not rendered`);
      const abs = join(root, f.path);
      const tmp = `${abs}.tmp-${process.pid}`;
      try {
        makeFolder(dirname(abs));
        writeFileSync(tmp, f.bytes);
        renameSync(tmp, abs);
      } catch (e) {
        rmSync(tmp, { force: true });
        // A full disk or a read-only folder: say which letter, and that nothing was issued.
        const problem = systemProblem(e, root, 'write this letter');
        if (!problem) throw e;
        throw new AppealError({ ...problem, file: f.path, message: `${problem.message} Nothing was issued.` });
      }
      written.push(abs);
    }
  } catch (e) {
    for (const abs of written) rmSync(abs, { force: true });
    throw e;
  }
}
