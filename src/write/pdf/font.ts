/**
 * A font file as the PDF writer uses it, read from its tables without fontkit: the metrics a PDF's
 * font descriptor gives, the advance of each glyph, the glyph of each character (cmap.ts, the same
 * reader a dry run checks characters with), shaping by HarfBuzz (harfbuzz.ts), and a subset of the
 * glyphs a letter draws (subset.ts). Loading fontkit and shaping with it cold cost about 60 and
 * 280 ms in a fresh process; this reads a few numbers from the file.
 */
import { cmapGlyphs } from './cmap.js';
import { isIgnorable } from './fontchoice.js';
import { hbFont, type HbFont, type HbGlyph } from './harfbuzz.js';

/** Reads a font file's table directory; throws when it is not a single TrueType/OpenType font. */
export function tablesOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint32(0);
  if (version === 0x74746366 /* ttcf */) throw new Error('a font collection');
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */)
    throw new Error('not a TrueType or OpenType font');
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const o = 12 + i * 16;
    const tag = String.fromCharCode(bytes[o]!, bytes[o + 1]!, bytes[o + 2]!, bytes[o + 3]!);
    const at = v.getUint32(o + 8);
    const length = v.getUint32(o + 12);
    if (at + length > bytes.length) throw new Error(`its ${tag} table runs past the end of the file`);
    tables.set(tag, bytes.subarray(at, at + length));
  }
  for (const tag of ['head', 'hhea', 'hmtx', 'maxp', 'cmap']) if (!tables.has(tag)) throw new Error(`it has no ${tag} table`);
  return tables;
}

const view = (t: Uint8Array): DataView => new DataView(t.buffer, t.byteOffset, t.byteLength);

/** A glyph as pdfkit's EmbeddedFont reads it (see internals.ts, point 1). */
export interface Glyph {
  id: number;
  /** In font units. */
  advanceWidth: number;
  /** The characters it stands for: what the PDF's ToUnicode map says it reads as. */
  codePoints: number[];
}

export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A shaped run: glyphs in drawing order (left to right), positions in font units. */
export interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  advanceWidth: number;
}

/** The name table's string with this id: Windows English first, then Macintosh Roman, then any. */
function nameOf(t: Uint8Array | undefined, id: number): string | null {
  if (!t) return null;
  const v = view(t);
  const strings = v.getUint16(4);
  const found: { platform: number; language: number; text: string }[] = [];
  for (let i = 0; i < v.getUint16(2); i++) {
    const r = 6 + i * 12;
    if (v.getUint16(r + 6) !== id) continue;
    const platform = v.getUint16(r);
    const at = strings + v.getUint16(r + 10);
    const raw = t.subarray(at, at + v.getUint16(r + 8));
    let text = '';
    if (platform === 0 || platform === 3)
      for (let k = 0; k + 1 < raw.length; k += 2) text += String.fromCharCode((raw[k]! << 8) | raw[k + 1]!);
    else text = String.fromCharCode(...raw);
    found.push({ platform, language: v.getUint16(r + 4), text });
  }
  const pick =
    found.find((f) => f.platform === 3 && f.language === 0x409) ?? found.find((f) => f.platform === 1 && f.language === 0) ?? found[0];
  return pick?.text ?? null;
}

export class Font {
  readonly tables: Map<string, Uint8Array>;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** As fontkit gives them: undefined when the OS/2 table is older than version 2. */
  readonly xHeight: number | undefined;
  readonly capHeight: number | undefined;
  readonly italicAngle: number;
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  readonly italic: boolean;
  readonly fixedPitch: boolean;
  /** OS/2 sFamilyClass (0 without an OS/2 table). */
  readonly familyClass: number;
  /** TrueType outlines (a glyf table), not CFF. */
  readonly trueType: boolean;
  /** A variable font (an fvar table): drawn at its default instance. */
  readonly variable: boolean;
  private readonly hmtx: DataView;
  private readonly metrics: number;
  private readonly cmap: ((cp: number) => number) | undefined;
  private hb: HbFont | undefined;
  private readonly glyphs = new Map<number, number>();

  constructor(readonly bytes: Uint8Array) {
    const t = (this.tables = tablesOf(bytes));
    const head = view(t.get('head')!);
    const hhea = view(t.get('hhea')!);
    this.unitsPerEm = head.getUint16(18);
    this.bbox = { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) };
    this.italic = (head.getUint16(44) & 2) !== 0;
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    this.lineGap = hhea.getInt16(8);
    this.metrics = hhea.getUint16(34);
    this.hmtx = view(t.get('hmtx')!);
    const post = t.get('post');
    this.italicAngle = post ? view(post).getInt32(4) / 65536 : 0;
    this.fixedPitch = post ? view(post).getUint32(12) !== 0 : false;
    const os2 = t.get('OS/2');
    const v2 = os2 && view(os2).getUint16(0) >= 2;
    this.familyClass = os2 ? view(os2).getInt16(30) : 0;
    this.xHeight = os2 ? (v2 ? view(os2).getInt16(86) : undefined) : 0;
    this.capHeight = os2 ? (v2 ? view(os2).getInt16(88) : undefined) : this.ascent;
    this.postscriptName = nameOf(t.get('name'), 6) ?? '';
    this.trueType = t.has('glyf') && t.has('loca');
    this.variable = t.has('fvar');
    this.cmap = cmapGlyphs(bytes);
  }

  /** HarfBuzz's handle on this font, made on first use. */
  get harfbuzz(): HbFont {
    return (this.hb ??= hbFont(this.bytes));
  }

  /** The glyph the font's cmap gives a code point; 0 (.notdef) when it has none. Kept per process. */
  glyphForCodePoint(cp: number): number {
    let g = this.glyphs.get(cp);
    if (g === undefined) this.glyphs.set(cp, (g = this.cmap ? this.cmap(cp) : this.harfbuzz.nominalGlyph(cp)));
    return g;
  }

  hasGlyphForCodePoint(cp: number): boolean {
    return this.glyphForCodePoint(cp) !== 0;
  }

  /** Advance width of a glyph in font units (hmtx; glyphs past its long metrics take the last one). */
  advanceOf(gid: number): number {
    return this.hmtx.getUint16(Math.min(gid, this.metrics - 1) * 4);
  }

  /** Left side bearing of a glyph in font units, as hmtx has it. */
  bearingOf(gid: number): number {
    return gid < this.metrics ? this.hmtx.getInt16(gid * 4 + 2) : this.hmtx.getInt16(this.metrics * 4 + (gid - this.metrics) * 2);
  }

  /**
   * `text` shaped with the font's default features (kerning, ligatures, Arabic joining), in the
   * direction given, with the characters each glyph reads as (see readingOf).
   */
  layout(text: string, rtl: boolean): GlyphRun {
    const hb = this.harfbuzz.shape(text, rtl);
    const glyphs: Glyph[] = new Array(hb.length);
    const positions: GlyphPosition[] = new Array(hb.length);
    const reading = this.readingOf(text, hb, rtl);
    let advanceWidth = 0;
    hb.forEach((g, i) => {
      glyphs[i] = { id: g.id, advanceWidth: this.advanceOf(g.id), codePoints: reading[i]! };
      positions[i] = { xAdvance: g.xAdvance, yAdvance: g.yAdvance, xOffset: g.xOffset, yOffset: g.yOffset };
      advanceWidth += g.xAdvance;
    });
    return { glyphs, positions, advanceWidth };
  }

  /**
   * The characters each shaped glyph reads as, for the PDF's ToUnicode map, which pdfkit keeps per
   * glyph id (the first reading of a glyph in a document is the one for all its uses). A cluster
   * that is one glyph reads as all its characters (a ligature, "fi" or lam-alef); in a cluster of
   * several glyphs, each mark reads through a glyph that draws nothing but marks (no advance),
   * preferring the mark's own glyph, and letters through the first glyph with an advance. So a
   * letter's glyph never reads as a mark that sits on it only here (HarfBuzz reorders Arabic marks,
   * shadda first, merging them into one cluster with their letter). A joiner hidden as a
   * zero-width space glyph reads as a space, as every other use of that glyph does.
   */
  private readingOf(text: string, hb: HbGlyph[], rtl: boolean): number[][] {
    const n = hb.length;
    const out: number[][] = new Array(n);
    const space = this.glyphForCodePoint(0x20);
    const hidden = (g: HbGlyph): boolean => g.id === space && g.xAdvance === 0 && space !== 0;
    // Clusters run in logical order: forwards left to right, backwards right to left.
    const at = (k: number): number => (rtl ? n - 1 - k : k);
    for (let k = 0; k < n;) {
      const start = hb[at(k)]!.cluster;
      let j = k + 1;
      while (j < n && hb[at(j)]!.cluster === start) j++;
      const end = j < n ? hb[at(j)]!.cluster : text.length;
      const chars: number[] = [];
      for (const ch of text.slice(start, end)) chars.push(ch.codePointAt(0)!);
      if (j === k + 1) {
        const g = hb[at(k)]!;
        out[at(k)] = hidden(g) && chars.every(isIgnorable) ? [0x20] : chars;
      } else {
        const members: number[] = [];
        for (let m = k; m < j; m++) out[at(m)] = [];
        for (let m = k; m < j; m++) members.push(at(m));
        const marks = members.filter((i) => hb[i]!.xAdvance === 0 && !hidden(hb[i]!));
        const letters = members.filter((i) => hb[i]!.xAdvance !== 0);
        for (const cp of chars) {
          let to: number | undefined;
          if (isIgnorable(cp)) {
            to = members.find((i) => hidden(hb[i]!));
            if (to !== undefined) {
              out[to] = [0x20];
              continue;
            }
          } else if (MARK.test(String.fromCodePoint(cp))) {
            to = marks.find((i) => hb[i]!.id === this.glyphForCodePoint(cp)) ?? marks[0];
          }
          to ??= letters[0] ?? members[0]!;
          out[to]!.push(cp);
        }
      }
      k = j;
    }
    return out;
  }
}

const MARK = /^\p{M}$/u;
