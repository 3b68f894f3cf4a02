/**
 * Lazy, synchronous loading of the heavy dependencies (fontkit, pdfkit, bidi-js).
 *
 * Nothing here runs at import time: `appeal --format txt` must never load them. They are loaded
 * through `require` (their CommonJS builds) rather than `await import()` because (1) the CJS builds
 * load about 40 ms faster on Node 20 than the ESM ones, (2) `checkCoverage` is synchronous, and
 * (3) pdfkit and our code must share one copy of fontkit: pdfkit's CJS build requires fontkit's
 * CJS build, and so do we.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import type { Bidi } from 'bidi-js';

const require = createRequire(import.meta.url);

let fontkit: typeof Fontkit | undefined;
let pdfkit: typeof PDFDocument | undefined;
let bidi: Bidi | undefined;

export function loadFontkit(): typeof Fontkit {
  return (fontkit ??= require('fontkit') as typeof Fontkit);
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
