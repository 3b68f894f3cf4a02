/**
 * The files a letter is written to: one per format, from the same rendered letter, named so
 * a person can find them (out/2007/475-metinpur-update-3.txt), written whole or not at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { OutputFormat } from '../load/schema.js';
import type { Workspace } from '../load/workspace.js';
import type { Letter } from '../render/letter.js';
import type { YamlSource } from '../load/source.js';
import { renderText } from './text.js';
import { sweepLeftovers } from '../plan/register.js';

export interface OutputFile {
  format: OutputFormat;
  /** Relative to the workspace, with '/' separators: what the register records. */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface Naming {
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

/** Renders the letter in each format, in memory. PDF code is loaded only when a PDF is asked for. */
export async function renderFiles(
  ws: Workspace,
  letter: Letter,
  naming: Naming,
  formats: OutputFormat[],
  sources: YamlSource[],
): Promise<OutputFile[]> {
  const base = baseName(ws, naming);
  const files: OutputFile[] = [];
  for (const format of formats) {
    let bytes: Uint8Array;
    if (format === 'txt') {
      bytes = Buffer.from(renderText(letter, ws.config.output.width), 'utf8');
    } else {
      const { pdfOptions } = await import('./pdf-options.js');
      const { renderPdf } = await import('./pdf/index.js');
      bytes = await renderPdf(letter, pdfOptions(ws, locator(sources)));
    }
    files.push({ format, path: `${base}.${format}`, bytes, sha256: sha256(bytes) });
  }
  return files;
}

/**
 * Whether the letter can be written in these formats, without rendering it: for a PDF, that
 * every character has a font. What `appeal batch` checks of every case before writing any.
 */
export async function checkFormats(ws: Workspace, letter: Letter, formats: OutputFormat[], sources: YamlSource[]): Promise<void> {
  if (!formats.includes('pdf')) return;
  const { pdfOptions } = await import('./pdf-options.js');
  const { checkCoverage } = await import('./pdf/index.js');
  checkCoverage(letter, pdfOptions(ws, locator(sources)));
}

/** Writes each file through a temporary name and a rename: never half a letter on disk. */
export function writeFiles(root: string, files: OutputFile[]): void {
  for (const f of files) {
    const abs = join(root, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    sweepLeftovers(dirname(abs));
    const tmp = `${abs}.tmp-${process.pid}`;
    writeFileSync(tmp, f.bytes);
    renameSync(tmp, abs);
  }
}
