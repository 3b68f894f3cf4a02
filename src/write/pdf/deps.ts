/**
 * Lazy, synchronous loading of the heavy dependencies (pdfkit, bidi-js; fontkit for CFF fonts).
 *
 * Nothing here runs at import time: `appeal --format txt` must never load them. They are loaded
 * through `require` (their CommonJS builds) rather than `await import()` because the CJS builds
 * load about 40 ms faster on Node 20 than the ESM ones, and `checkCoverage` is synchronous.
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import type { Bidi } from 'bidi-js';

const require = createRequire(import.meta.url);

/** What subset.ts uses of fontkit: a parsed font's subsetter (fontkit ships no types). */
export interface Fontkit {
  create(buffer: Uint8Array): unknown;
}

let fontkit: Fontkit | undefined;
let pdfkit: typeof PDFDocument | undefined;
let bidi: Bidi | undefined;

export function loadFontkit(): Fontkit {
  return (fontkit ??= require('fontkit') as Fontkit);
}

export function loadPdfkit(): typeof PDFDocument {
  return (pdfkit ??= require('pdfkit') as typeof PDFDocument);
}

export function loadBidi(): Bidi {
  if (!bidi) {
    const factory = require('bidi-js') as () => Bidi;
    bidi = factory();
  }
  return bidi;
}
