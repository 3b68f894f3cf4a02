/**
 * The PDF writer: a rendered Letter to PDF bytes.
 *
 * Importing this module (or any module of this folder) loads nothing heavy: pdfkit, HarfBuzz and
 * bidi-js are loaded on first use, inside renderPdf (see deps.ts, harfbuzz.ts). fontkit is never
 * loaded for a TrueType font (the DejaVu fonts are): only to subset CFF or variable fonts.
 *
 * The folder, by concern:
 *   index.ts       entry points: renderPdf, checkCoverage, defaultFonts
 *   types.ts       the public option types
 *   font.ts        a font file: metrics, cmap, advances, shaping (HarfBuzz), without fontkit
 *   cmap.ts        a font's cmap table: the glyph of each character (also the dry run's check)
 *   harfbuzz.ts    HarfBuzz's wasm build, synchronously, through its raw exports
 *   subset.ts      the subset of a TrueType font that a PDF embeds
 *   fonts.ts       loading the fonts (read once per process)
 *   fontchoice.ts  which face and font draw each character (coverage), characters never drawn
 *   bidi.ts        bidirectional text: levels, the order of runs, mirrored brackets
 *   shape.ts       shaping (cached), a line's widths and its runs in drawing order
 *   linebreak.ts   breaking a line to a width (pure)
 *   reuse.ts       the caches of shaped words and broken lines: kept once met twice
 *   layout.ts      blocks to lines placed on pages: sizes, spacing, pagination, header and footer
 *   draw.ts        placed pages to pdfkit: text, rules, structure tree, metadata
 *   internals.ts   every use of private pdfkit internals, with what to re-check on an upgrade
 *   deps.ts        lazy loading of pdfkit, bidi-js (and fontkit, for CFF fonts only)
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppealError, type Problem } from '../../errors.js';
import type { Block, Letter } from '../../render/letter.js';
import { drawPdf } from './draw.js';
import { isIgnorable, isNoBreakSpace } from './fontchoice.js';
import { coverageOf, loadFaces } from './fonts.js';
import { furniture, geometry, layoutLetter, runningHead } from './layout.js';
import type { FontFace, PdfOptions } from './types.js';

export type { CharLocation, FontFace, PdfOptions } from './types.js';

/**
 * DejaVu Serif (body text), then DejaVu Sans (Persian/Arabic and other scripts Serif lacks), each
 * with its bold, italic (Sans: oblique) and bold italic. DejaVu Sans's obliques have no Arabic: an
 * italic Persian run is set upright (see fontFor).
 */
export function defaultFonts(): FontFace[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const face = (name: string, file: string, italic: string): FontFace => ({
    name,
    regular: join(dir, `${file}.ttf`),
    bold: join(dir, `${file}-Bold.ttf`),
    italic: join(dir, `${file}-${italic}.ttf`),
    boldItalic: join(dir, `${file}-Bold${italic}.ttf`),
  });
  return [face('DejaVu Serif', 'DejaVuSerif', 'Italic'), face('DejaVu Sans', 'DejaVuSans', 'Oblique')];
}

/** Every string of the letter that is drawn, with the meta strings that appear on pages. */
function* drawnStrings(letter: Letter): Generator<string> {
  if (letter.meta.reference) yield letter.meta.reference;
  if (letter.meta.runningHead) yield runningHead(letter.meta.runningHead, 1, 1);
  const walk = function* (blocks: Block[]): Generator<string> {
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          for (const l of b.lines) yield l.text;
          break;
        case 'list':
          for (const it of b.items) {
            yield it.marker;
            yield it.text;
          }
          break;
        case 'letterhead':
          yield* b.lines;
          yield* b.contacts;
          break;
        case 'keep':
          yield* walk(b.blocks);
          break;
        case 'rule':
          break;
      }
    }
  };
  yield* walk(letter.blocks);
}

/** Per list of fonts: whether a code point needs no glyph or a font has it, known once looked up. */
const verdicts = new Map<string, (cp: number) => boolean>();

/**
 * Whether `cp` can be drawn with `options.fonts` (spaces and invisible characters need no glyph).
 * The answer for each code point is kept (a letter of 5,000 characters has about 100 different
 * ones, and the same across letters): 1 yes, 2 no, in an array for the BMP.
 */
function drawableIn(options: PdfOptions, fonts: string): (cp: number) => boolean {
  let drawn = verdicts.get(fonts);
  if (!drawn) {
    const faces = options.fonts.map((f) => coverageOf(f.regular, f.name));
    const bmp = new Uint8Array(0x10000);
    const astral = new Map<number, boolean>();
    const look = (cp: number): boolean => cp === 0x20 || isIgnorable(cp) || isNoBreakSpace(cp) || faces.some((has) => has(cp));
    drawn = (cp) => {
      if (cp > 0xffff) {
        let v = astral.get(cp);
        if (v === undefined) astral.set(cp, (v = look(cp)));
        return v;
      }
      return (bmp[cp] ||= look(cp) ? 1 : 2) === 1;
    };
    verdicts.set(fonts, drawn);
  }
  return drawn;
}

/** Letters whose every character a font has, with the fonts' files (the regular faces) checked. */
const covered = new WeakMap<Letter, string>();

/**
 * Throws one AppealError listing every character of the letter that no font in `options.fonts`
 * has (one problem per character). Reads the fonts' cmaps: needs neither HarfBuzz nor pdfkit.
 */
export function checkCoverage(letter: Letter, options: PdfOptions): void {
  loadFaces(options.fonts); // at least one face
  // A letter is checked when it is prepared and again when it is drawn (issue.ts): once is enough.
  const fonts = options.fonts.map((f) => f.regular).join('\n');
  if (covered.get(letter) === fonts) return;
  const drawn = drawableIn(options, fonts);
  const seen = new Set<number>();
  const problems: Problem[] = [];
  const names = options.fonts.map((f) => f.name).join(', ');
  for (const s of drawnStrings(letter)) {
    const t = s.normalize('NFC');
    for (let i = 0; i < t.length; i++) {
      const cp = t.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (seen.has(cp) || drawn(cp)) continue;
      seen.add(cp);
      const ch = String.fromCodePoint(cp);
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      const where = options.locate?.(ch) ?? {};
      problems.push({
        ...where,
        message:
          `the character ${code} "${ch}" is in none of the PDF fonts (${names}); ` +
          'add a font that has it under `pdf.fonts` in appeal.yaml, or remove the character.',
      });
    }
  }
  if (problems.length > 0) throw new AppealError(problems);
  covered.set(letter, fonts);
}

/** The PDF's creation date: the letter's date at noon UTC. Throws AppealError if it is not a date. */
function creationDate(letter: Letter): Date {
  const date = new Date(`${letter.meta.date}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    throw new AppealError({
      key: 'date',
      message: `the letter's date "${letter.meta.date}" is not a date (yyyy-mm-dd); give one such as 2007-12-23.`,
    });
  }
  return date;
}

/** What renderPdf checks before drawing (every character has a font, the date), without drawing. */
export function checkPdf(letter: Letter, options: PdfOptions): void {
  checkCoverage(letter, options);
  creationDate(letter);
}

/** Renders the letter to PDF bytes. Same letter and options, same bytes. */
export async function renderPdf(letter: Letter, options: PdfOptions): Promise<Buffer> {
  checkCoverage(letter, options);
  const faces = loadFaces(options.fonts);
  const geo = geometry(options.page);
  const pages = layoutLetter(letter, geo, faces);
  const date = creationDate(letter);
  // drawPdf does all its font work synchronously, before its first await, so concurrent renders
  // cannot interleave on the shared shaping buffer (harfbuzz.ts).
  return drawPdf(pages, letter.meta, {
    page: options.page,
    geometry: geo,
    furniture: (n, m) => furniture(letter.meta, n, m, geo, faces),
    creationDate: date,
  });
}
