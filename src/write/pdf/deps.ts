/**
 * Lazy, synchronous loading of the heavy dependencies (pdfkit, bidi-js; fontkit for CFF fonts).
 *
 * Nothing here runs at import time: `appeal --format txt` must never load them. They are loaded
 * through `require` (their CommonJS builds) rather than `await import()` because the CJS builds
 * load about 40 ms faster on Node 20 than the ESM ones, and `checkCoverage` is synchronous.
 *
 * pdfkit comes from dist/vendor/pdfkit.cjs when the build made it (scripts/build-pdf.mjs: pdfkit
 * without fontkit, AES, png-js and linebreak; required in about 18 ms instead of about 100), else
 * from node_modules (running from the sources): the PDFs are the same bytes either way.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type PDFDocument from 'pdfkit';
import type { Bidi } from 'bidi-js';

/**
 * In the built CLI, the `require` that src/cli/start.ts's loader gives the bundle: it compiles
 * files of dist/ (dist/vendor/pdfkit.cjs) with the code cache, as it does the bundle, where
 * Node's own require compiles pdfkit's 270 KB afresh at every PDF letter. From the sources (the
 * tests), Node's.
 */
const load: NodeJS.Require = typeof require === 'function' ? require : createRequire(import.meta.url);

/** What subset.ts uses of fontkit: a parsed font's subsetter (fontkit ships no types). */
export interface Fontkit {
  create(buffer: Uint8Array): unknown;
}

let fontkit: Fontkit | undefined;
let pdfkit: typeof PDFDocument | undefined;
let bidi: Bidi | undefined;

export function loadFontkit(): Fontkit {
  return (fontkit ??= load('fontkit') as Fontkit);
}

/**
 * dist/vendor/pdfkit.cjs of this package, if built: looked for beside the folders above this
 * module (src/write/pdf/, dist/chunks/, a bundle in bin/ or dist/), a few levels up at most.
 */
export function bundledPdfkit(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const file = join(dir, 'dist', 'vendor', 'pdfkit.cjs');
    if (existsSync(file)) return file;
    dir = dirname(dir);
  }
  return undefined;
}

export function loadPdfkit(): typeof PDFDocument {
  return (pdfkit ??= load(bundledPdfkit() ?? 'pdfkit') as typeof PDFDocument);
}

export function loadBidi(): Bidi {
  if (!bidi) {
    const factory = load('bidi-js') as () => Bidi;
    bidi = factory();
  }
  return bidi;
}
