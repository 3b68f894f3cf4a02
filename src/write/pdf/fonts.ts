/**
 * Fonts: loading and caching parsed fonts, coverage (which font has a character), the choice of
 * font for each stretch of a line, and cached advance widths.
 *
 * A font file is read and parsed once per process (cache by path); pdfkit is handed the parsed
 * fontkit object, so it does not parse the file again for each document.
 */
import { readFileSync } from 'node:fs';
import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit';
import { AppealError } from '../../errors.js';
import { loadFontkit } from './deps.js';
import type { FontFace } from './types.js';

/** One entry of `PdfOptions.fonts`, parsed. */
export interface LoadedFace {
  name: string;
  regular: Font;
  /** The bold face, or the regular one when the face has no bold. */
  bold: Font;
}

const parsed = new Map<string, Font>();

/** Parses a font file once per process. Throws AppealError if it cannot be read or parsed. */
export function loadFont(path: string, faceName: string): Font {
  const hit = parsed.get(path);
  if (hit) return hit;
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new AppealError({
      key: 'pdf.fonts',
      message:
        `cannot read the font file ${path} of font "${faceName}" (${(e as NodeJS.ErrnoException).code ?? String(e)}); ` +
        'correct the path under `pdf.fonts` in appeal.yaml.',
    });
  }
  let font: Font | { fonts: Font[] };
  try {
    font = loadFontkit().create(data);
  } catch (e) {
    throw new AppealError({
      key: 'pdf.fonts',
      message: `${path} (font "${faceName}") is not a font fontkit can read (${String(e)}); use a TTF or OTF file.`,
    });
  }
  if (!('layout' in font) || typeof font.layout !== 'function') {
    throw new AppealError({
      key: 'pdf.fonts',
      message: `${path} (font "${faceName}") is a font collection; use a single TTF or OTF file.`,
    });
  }
  parsed.set(path, font);
  return font;
}

/**
 * The faces, each font parsed on first use: a letter in Latin script never parses the fonts
 * that only its Persian would need (parsing a font costs ~20 ms in a fresh process).
 */
export function loadFaces(faces: FontFace[]): LoadedFace[] {
  if (faces.length === 0) {
    throw new AppealError({ key: 'pdf.fonts', message: 'no fonts are given; list at least one under `pdf.fonts` in appeal.yaml.' });
  }
  return faces.map((f) => {
    let regular: Font | undefined;
    let bold: Font | undefined;
    return {
      name: f.name,
      get regular(): Font {
        return (regular ??= loadFont(f.regular, f.name));
      },
      get bold(): Font {
        return (bold ??= f.bold ? loadFont(f.bold, f.name) : this.regular);
      },
    };
  });
}

/**
 * Characters that need no glyph: bidi controls, joiners, soft hyphen and the like. They steer
 * layout (or nothing) and are never drawn by us, except ZWJ/ZWNJ, which are kept when the run's
 * font has them (they decide Persian joining).
 */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0x00ad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp < 0x20 ||
    cp === 0x7f
  );
}

/** Bidi control characters: used for the bidi levels, then dropped before drawing. */
export function isBidiControl(cp: number): boolean {
  return cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** Index of the first face whose regular font has the character, or -1. */
export function firstCovering(faces: LoadedFace[], cp: number): number {
  for (let i = 0; i < faces.length; i++) if (faces[i]!.regular.hasGlyphForCodePoint(cp)) return i;
  return -1;
}

const WEAK = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const MARK = /^\p{M}$/u;
const weakCache = new Map<number, boolean>();

/** Spaces, punctuation, digits, symbols, marks: Unicode script Common or Inherited (or ignorable). */
function isWeak(cp: number, ch: string): boolean {
  let w = weakCache.get(cp);
  if (w === undefined) weakCache.set(cp, (w = isIgnorable(cp) || WEAK.test(ch)));
  return w;
}

/**
 * The face for each UTF-16 index of `text` (the same value on both halves of a surrogate pair).
 * Letters take the first face that has them; spaces, punctuation, digits and marks (Unicode
 * script Common/Inherited) stay with the face of the text before them when it has them, else
 * take the face of the next letter, else the first face that has them. -1 where no face has it.
 */
export function assignFaces(text: string, faces: LoadedFace[]): Int16Array {
  const out = new Int16Array(text.length).fill(-1);
  const cps: { i: number; cp: number; ch: string; weak: boolean }[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    cps.push({ i, cp, ch, weak: isWeak(cp, ch) });
    i += ch.length;
  }
  const face = new Int16Array(cps.length).fill(-1);
  for (let k = 0; k < cps.length; k++) if (!cps[k]!.weak) face[k] = firstCovering(faces, cps[k]!.cp);
  let prev = -1;
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    if (c.weak) {
      const covers = (f: number): boolean => f >= 0 && (isIgnorable(c.cp) || faces[f]!.regular.hasGlyphForCodePoint(c.cp));
      if (covers(prev)) face[k] = prev;
      else if (prev >= 0 && MARK.test(c.ch))
        face[k] = prev; // keep a mark with its base
      else {
        let next = -1;
        for (let j = k + 1; j < cps.length; j++)
          if (!cps[j]!.weak && face[j]! >= 0) {
            next = face[j]!;
            break;
          }
        face[k] = covers(next) ? next : isIgnorable(c.cp) ? Math.max(prev, 0) : firstCovering(faces, c.cp);
      }
    }
    prev = face[k]!;
    for (let u = 0; u < c.ch.length; u++) out[c.i + u] = face[k]!;
  }
  return out;
}

/** The font that draws `text` in face `f`: the bold one when asked and it has every character. */
export function fontFor(face: LoadedFace, bold: boolean, text: string): Font {
  if (!bold || face.bold === face.regular) return face.regular;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isIgnorable(cp) && !face.bold.hasGlyphForCodePoint(cp)) return face.regular;
  }
  return face.bold;
}

/**
 * Forgets the glyph objects fontkit has made for these fonts. fontkit caches one glyph object per
 * glyph id, with the code points it was first made for; its Arabic shaper reads those code points
 * (joining), and pdfkit writes them into the PDF's ToUnicode map. Subsetting makes glyphs for the
 * components of composite glyphs with no code points (the "I" inside "İ"), so with fonts shared
 * across documents a letter came out different after another (extracted text "\x18t is" for "It
 * is"; a Persian line of another width). Called before each letter is laid out and drawn.
 * (`_glyphs` is private to fontkit 2.0.4. The runs cached by `shaped` were all shaped on fresh
 * glyphs, so they stay valid.)
 */
export function forgetGlyphs(): void {
  // Every font parsed so far; one parsed later starts with no glyphs anyway.
  for (const font of parsed.values()) (font as unknown as { _glyphs: object })._glyphs = {};
}

/** Shaping features passed to fontkit for whole-run layout (see DrawRun.whole): the font's defaults. */
export const FEATURES: string[] = [];

/** A shaped run as fontkit gives it; kept per process and never handed out to be changed. */
interface CachedRun {
  /** Advance width in em. */
  em: number;
  glyphs: Glyph[];
  positions: GlyphPosition[];
  advanceWidth: number;
  direction: 'ltr' | 'rtl';
}

const runCache = new Map<Font, Map<string, CachedRun>>();
let cachedRuns = 0;

/**
 * fontkit's layout of `text` with the font's default features, cached per process: shaping is
 * what costs (tens of ms a letter uncached). Measuring and drawing both come through here.
 */
export function shaped(font: Font, text: string): CachedRun {
  let m = runCache.get(font);
  if (!m) runCache.set(font, (m = new Map()));
  let r = m.get(text);
  if (!r) {
    const run = font.layout(text, FEATURES);
    r = {
      em: run.advanceWidth / font.unitsPerEm,
      glyphs: run.glyphs,
      positions: run.positions,
      advanceWidth: run.advanceWidth,
      direction: run.direction,
    };
    if (cachedRuns > 100_000) {
      for (const c of runCache.values()) c.clear();
      cachedRuns = 0;
    }
    m.set(text, r);
    cachedRuns++;
  }
  return r;
}

/** Advance width of `text` laid out as one run, in em (multiply by the font size). */
export function advanceEm(font: Font, text: string): number {
  return shaped(font, text).em;
}

/**
 * Advance width, in em, of `text` as pdfkit draws it without `features`: cut after every space
 * or tab, each piece laid out alone.
 */
export function wordsAdvanceEm(font: Font, text: string): number {
  let w = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      w += advanceEm(font, text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) w += advanceEm(font, text.slice(last));
  return w;
}

const forPdfkit = new Map<Font, Font>();

/** What a subset needs of one glyph of a TrueType font: its bytes, components and metrics. */
interface GlyphData {
  bytes: Uint8Array;
  /** Components of a composite glyph: glyph id and where it is written in `bytes`. */
  components: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

/** The private parts of fontkit 2.0.4 that fontkit's own TrueType subsetter uses. */
interface FontkitPrivate {
  directory: { tables: Record<string, unknown> };
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  getGlyph(gid: number): {
    advanceWidth: number;
    _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
    _getMetrics(): { leftBearing: number };
  };
}
interface TTFSubsetPrivate {
  _addGlyph?: (gid: number) => number;
  includeGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

const glyphData = new Map<Font, Map<number, GlyphData>>();

function dataOf(font: Font, gid: number): GlyphData {
  let m = glyphData.get(font);
  if (!m) glyphData.set(font, (m = new Map()));
  let d = m.get(gid);
  if (!d) {
    const f = font as unknown as FontkitPrivate;
    const glyph = f.getGlyph(gid);
    const glyf = glyph._decode();
    const start = f.loca.offsets[gid]!;
    const end = f.loca.offsets[gid + 1]!;
    const stream = f._getTableStream('glyf');
    stream.pos += start;
    const bytes = new Uint8Array(stream.readBuffer(end - start));
    const components = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : [];
    d = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    m.set(gid, d);
  }
  return d;
}

/**
 * fontkit's TrueType subsetter decodes every glyph of every document again (about 5 ms a letter);
 * this does what its `_addGlyph` does from glyph data kept per process. Only for plain TrueType
 * fonts (a glyf table, no variations); anything else keeps fontkit's own code.
 */
function fasterSubset(font: Font, subset: TTFSubsetPrivate): void {
  const f = font as unknown as FontkitPrivate;
  if (typeof subset._addGlyph !== 'function' || !f.directory.tables.glyf || f._variationProcessor) return;
  subset._addGlyph = function (this: TTFSubsetPrivate, gid: number): number {
    const d = dataOf(font, gid);
    let bytes = d.bytes;
    if (d.components.length > 0) {
      bytes = new Uint8Array(d.bytes);
      const view = new DataView(bytes.buffer);
      for (const c of d.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: d.advance, bearing: d.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

/**
 * The font object to give pdfkit: the parsed fontkit font (so pdfkit parses nothing) whose
 * `layout` answers from the per-process cache. pdfkit scales the positions it gets in place, so
 * each call gets its own copy of them.
 */
export function pdfkitFont(font: Font): Font {
  let f = forPdfkit.get(font);
  if (!f) {
    const createSubset = (font as unknown as { createSubset(): TTFSubsetPrivate }).createSubset;
    f = Object.create(font, {
      createSubset: {
        value(this: Font): TTFSubsetPrivate {
          const subset = createSubset.call(this);
          fasterSubset(font, subset);
          return subset;
        },
      },
      layout: {
        value: (text: string): GlyphRun => {
          const r = shaped(font, text);
          return {
            glyphs: r.glyphs.slice(),
            positions: r.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
            advanceWidth: r.advanceWidth,
            direction: r.direction,
          };
        },
      },
    }) as Font;
    forPdfkit.set(font, f);
  }
  return f;
}
