/**
 * Every use of private fontkit and pdfkit internals, in one place. Written against the pinned
 * versions: fontkit 2.0.4 and pdfkit 0.20.2 (package.json pins fontkit exactly; pdfkit is ^0.20.2).
 * Nothing outside this file touches a private field, overrides a private method or relies on an
 * undocumented behaviour of either package.
 *
 * What each piece relies on, what breaks when it changes, and what to re-check on an upgrade:
 *
 * 1. `forgetGlyphs` empties fontkit's per-font glyph cache `font._glyphs` (TTFFont.getGlyph keeps
 *    one Glyph per id, with the code points it was first made for). If the field is renamed, the
 *    assignment does nothing and PDFs stop being reproducible across letters in one process: the
 *    test "is byte-identical across renders in one process" in test/pdf/render.test.ts fails
 *    (and text extracted from the PDF can read "\x18t is" for "It is").
 *
 * 2. `fasterSubset` replaces `TTFSubset.prototype._addGlyph` on each subset with a copy of what it
 *    does (fontkit dist/main.cjs, TTFSubset._addGlyph) that reads each glyph's bytes once per process.
 *    It reads the private font fields `directory.tables`, `loca.offsets`, `_getTableStream('glyf')`,
 *    `_variationProcessor`, `getGlyph(gid)._decode()` and `._getMetrics()`, and the subset's `glyf`,
 *    `loca`, `hmtx`, `offset`, `includeGlyph`. It steps aside (fontkit's own code runs) when
 *    `_addGlyph` is missing, the font has no glyf table, or it has variations. If fontkit changes
 *    what `_addGlyph` writes (say hmtx bearings, or the loca format), our copy would write a subset
 *    fontkit no longer would: compare a PDF's embedded fonts with and without this override
 *    (`pdffonts`, and the bytes of a render with `fasterSubset` disabled), and run the render tests.
 *
 * 3. `pdfkitFont` gives pdfkit a parsed fontkit font instead of a path or a buffer. pdfkit's
 *    PDFFontFactory.open takes any object with a `layout` function as an already-parsed font
 *    (undocumented), and EmbeddedFont then calls only `createSubset()`, `layout(text, features)`,
 *    `getGlyph(0)`, and reads metrics, `post`, `head`, `_tables` (isEqualFont). EmbeddedFont scales
 *    the positions that `layout` returns in place, so each call returns fresh copies. If pdfkit
 *    stops accepting a font object, registerFont throws "Not a supported font format": every PDF
 *    test fails at once.
 *
 * 4. `writeXmp` replaces pdfkit's private `doc._addInfo` (it writes the XMP packet for PDF 1.4+)
 *    with one that writes the title and author escaped, and the keywords, producer and dates that
 *    the Info dictionary has; it calls the private `doc.appendXML`. When either is missing, pdfkit's
 *    own XMP is written (the test "escapes the XMP metadata" then fails on a title with "&").
 *
 * 5. `NO_DEFAULT_FONT` is passed as pdfkit's `font` option: initFonts loads its default font only
 *    when the option is truthy, so null keeps Helvetica's metrics from being read for nothing. If
 *    pdfkit starts to require a font there, the PDFs would still be right but slower to start.
 */
import type { Font, GlyphRun } from 'fontkit';

// ---- 1. fontkit's glyph cache -------------------------------------------------------------

/**
 * Forgets the glyph objects fontkit has made for these fonts. fontkit caches one glyph object per
 * glyph id, with the code points it was first made for; its Arabic shaper reads those code points
 * (joining), and pdfkit writes them into the PDF's ToUnicode map. Subsetting makes glyphs for the
 * components of composite glyphs with no code points (the "I" inside "İ"), so with fonts shared
 * across documents a letter came out different after another. Called before each letter is laid
 * out and drawn. (Runs cached by shape.ts were all shaped on fresh glyphs, so they stay valid.)
 */
export function forgetGlyphs(fonts: Iterable<Font>): void {
  for (const font of fonts) (font as unknown as { _glyphs: object })._glyphs = {};
}

// ---- 2. fontkit's TrueType subsetter ------------------------------------------------------

/** What a subset needs of one glyph of a TrueType font: its bytes, components and metrics. */
interface GlyphData {
  bytes: Uint8Array;
  /** Components of a composite glyph: glyph id and where it is written in `bytes`. */
  components: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

/** The private parts of a fontkit 2.0.4 TTFFont that fontkit's own TrueType subsetter uses. */
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

/** The private parts of a fontkit 2.0.4 TTFSubset. */
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

// ---- 3. the font object pdfkit is given ---------------------------------------------------

const forPdfkit = new Map<Font, Font>();

/**
 * The font object to give pdfkit's registerFont: the parsed fontkit font (so pdfkit parses
 * nothing) whose `layout` answers from `layout` (the per-process cache) and whose subsets use
 * `fasterSubset`. pdfkit scales the positions it gets in place, so each call gets its own copy.
 */
export function pdfkitFont(font: Font, layout: (font: Font, text: string) => GlyphRun): Font {
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
          const r = layout(font, text);
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

// ---- 4. pdfkit's XMP metadata -------------------------------------------------------------

/** What the XMP packet says; the same values as the Info dictionary. */
export interface XmpFields {
  title: string;
  author: string;
  /** The reference, as dc:description (the Info dictionary's Subject). */
  subject: string;
  keywords: string[];
  language: string;
  date: Date;
}

const xmlEscape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * pdfkit 0.20.2 writes the XMP metadata of a PDF 1.4+ file with the title and author pasted in
 * unescaped (a title with "&" or "<" makes it broken XML) and without the keywords, producer and
 * modification date that the Info dictionary has. This replaces its private `_addInfo` on this
 * document with one that writes them all, escaped. If pdfkit's internals change, pdfkit's own runs.
 */
export function writeXmp(doc: object, x: XmpFields): void {
  const d = doc as { _addInfo?: () => void; appendXML?: (xml: string) => void };
  if (typeof d._addInfo !== 'function' || typeof d.appendXML !== 'function') return;
  const appendXML = d.appendXML.bind(doc);
  const when = x.date.toISOString().split('.')[0] + 'Z';
  d._addInfo = () => {
    const parts = [
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
      `<xmp:CreateDate>${when}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
      `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
      `<xmp:CreatorTool>appeal</xmp:CreatorTool>`,
      `</rdf:Description>`,
      `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
      `<pdf:Producer>appeal</pdf:Producer>`,
      x.keywords.length > 0 ? `<pdf:Keywords>${xmlEscape(x.keywords.join(', '))}</pdf:Keywords>` : '',
      `</rdf:Description>`,
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
      `<dc:format>application/pdf</dc:format>`,
      x.title ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(x.title)}</rdf:li></rdf:Alt></dc:title>` : '',
      x.author ? `<dc:creator><rdf:Seq><rdf:li>${xmlEscape(x.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
      x.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(x.subject)}</rdf:li></rdf:Alt></dc:description>` : '',
      x.language ? `<dc:language><rdf:Bag><rdf:li>${xmlEscape(x.language)}</rdf:li></rdf:Bag></dc:language>` : '',
      `</rdf:Description>`,
    ];
    appendXML(parts.filter((p) => p).join('\n'));
  };
}

// ---- 5. pdfkit's default font -------------------------------------------------------------

/** pdfkit's `font` option that loads no default font (see 5 above). */
export const NO_DEFAULT_FONT = null as unknown as string;
