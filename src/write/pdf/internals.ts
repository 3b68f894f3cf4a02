/**
 * Every use of private pdfkit internals, in one place. Written against pdfkit 0.20.2 (package.json
 * has ^0.20.2). Nothing outside this file touches a private field, overrides a private method or
 * relies on an undocumented behaviour of pdfkit. fontkit is not used (see font.ts), except to subset
 * a font with CFF outlines or a variable font (subset.ts), through its public createSubset.
 *
 * What each piece relies on, what breaks when it changes, and what to re-check on an upgrade:
 *
 * 1. `pdfkitFont` gives pdfkit our own font object (font.ts) instead of a path or a buffer, so that
 *    pdfkit never parses a font with fontkit. pdfkit's PDFFontFactory.open takes any object with a
 *    `layout` function as an already-parsed font (undocumented), and EmbeddedFont then calls only
 *    `createSubset()` (then the subset's `includeGlyph(gid)` and `encode()`, and reads its `cff`),
 *    `layout(text, features)` (glyphs with `id`, `advanceWidth`, `codePoints`; positions), and
 *    `getGlyph(0).advanceWidth`; and it reads `postscriptName`, `unitsPerEm`, `ascent`, `descent`,
 *    `lineGap`, `xHeight`, `capHeight`, `bbox`, `italicAngle`, `post.isFixedPitch`,
 *    `head.macStyle.italic`, `['OS/2'].sFamilyClass`, and `_tables.head.checkSumAdjustment` and
 *    `_tables.name.records` (isEqualFont, to tell two fonts of one PostScript name apart).
 *    EmbeddedFont scales the positions that `layout` returns in place, so each call returns fresh
 *    copies (`layout` serves only text(), when drawGlyphs, 4, cannot draw). If pdfkit stops
 *    accepting a font object, registerFont throws "Not a supported font format": every PDF test
 *    fails at once. If it reads another field, the PDF's font dictionaries
 *    change: the golden pages and "embeds and subsets every font" (test/pdf/render.test.ts) show
 *    it, and test/unit/write/pdf/font.test.ts checks every field above against fontkit's.
 *
 * 2. `writeXmp` replaces pdfkit's private `doc._addInfo` (it writes the XMP packet for PDF 1.4+)
 *    with one that writes the title and author escaped, and the keywords, producer and dates that
 *    the Info dictionary has; it calls the private `doc.appendXML`. When either is missing, pdfkit's
 *    own XMP is written (the test "escapes the XMP metadata" then fails on a title with "&").
 *
 * 3. `NO_DEFAULT_FONT` is passed as pdfkit's `font` option: initFonts loads its default font only
 *    when the option is truthy, so null keeps Helvetica's metrics from being read for nothing. If
 *    pdfkit starts to require a font there, the PDFs would still be right but slower to start.
 *
 * 4. `drawGlyphs` writes a shaped run's text operators itself, as pdfkit's `text(s, x, y,
 *    { lineBreak: false, baseline: 'alphabetic' })` writes them (PDFDocument._fragment: q, the
 *    flip of the y axis, BT, Tm, Tf, TJ with the kerning and a Tm around each glyph drawn with an
 *    offset, ET, Q), with the glyphs of our cached runs: pdfkit's text() lays every run out three
 *    times and copies its glyphs (about 2 ms a letter). It reads the current font `doc._font` and
 *    its `id`, `ref()`, `subset.includeGlyph`, `widths` and `unicode` (what EmbeddedFont.encode
 *    keeps for the font's W array and ToUnicode map), and `doc.page.fonts` (the page's font
 *    resources). When any is missing, it returns false and the caller draws with text(). The PDFs
 *    are the same bytes either way: test/unit/write/pdf/internals.test.ts draws runs both ways
 *    (kerning, marks drawn with an offset, right to left) and compares the documents; on an
 *    upgrade, compare pdfkit's _fragment with drawGlyphs.
 *
 * 5. `writeStreams` wraps the document's `ref()` so that each stream (PDFReference) is written
 *    in one piece and deflated at our level (draw.ts DEFLATE_LEVEL): it replaces the reference's
 *    `write` (pdfkit's own is still what writes, once, with all the lines joined) and runs before
 *    pdfkit's private PDFReference.finalize, reading the reference's `compress` and `buffer` and
 *    turning `compress` off, so finalize writes the bytes as they are, under the FlateDecode filter
 *    pdfkit's write() already set. Each deflated stream is its own exact-size array: zlib's
 *    deflateSync returns a small stream as a view of a 16 KB buffer, which a PDF batch would
 *    otherwise keep alive until V8's next full collection. When any is missing, pdfkit writes and
 *    deflates at zlib's default level: the PDFs are still right, a little slower to make.
 *    test/unit/write/pdf/internals.test.ts checks that at level 6 the document is pdfkit's own,
 *    byte for byte, and that at another level every stream still inflates to the same bytes.
 *
 * 6. `collectPdf` keeps what pdfkit writes instead of letting it through pdfkit's stream: it
 *    replaces the private `doc._write(data)` (a string, written as its low bytes and a newline, or
 *    bytes), after reading what the constructor wrote (the header) from the stream, keeping
 *    pdfkit's private `_offset` (the xref's offsets) as pdfkit does, and wraps the
 *    private `_finalize` to know when the file is complete (pdfkit writes everything synchronously
 *    in `end()`); the file is then built once, into one buffer of its exact size, rather than from
 *    a Buffer per line. After that it lets the document go: it empties the fields of the document,
 *    of every PDFReference made through the private-but-public `ref()`, and of its fonts
 *    (`_fontFamilies`). Why: V8 allocates long-lived kinds of objects (pdfkit's documents,
 *    references, pages) straight in the old generation; a dead one there still holds its young
 *    objects through every minor collection, until the next full one, so a batch's peak memory
 *    grew with the documents it had finished. When `_write`, `_finalize` or `_offset` is missing,
 *    pdfkit's stream is read instead, and nothing is let go. The same test file checks that the
 *    bytes are pdfkit's own and that a finished document holds nothing.
 */
import { deflateSync } from 'node:zlib';
import type { Font, GlyphRun } from './font.js';
import { createSubset } from './subset.js';

// ---- 1. the font object pdfkit is given ---------------------------------------------------

const forPdfkit = new Map<Font, object>();

/**
 * The font object to give pdfkit's registerFont: our font, whose `layout` answers from `layout`
 * (the per-process cache of shape.ts) and whose subsets are written by subset.ts. pdfkit scales
 * the positions it gets in place, so each call gets its own copy.
 */
export function pdfkitFont(font: Font, layout: (font: Font, text: string) => GlyphRun): object {
  let f = forPdfkit.get(font);
  if (!f) {
    const head = new DataView(font.tables.get('head')!.buffer, font.tables.get('head')!.byteOffset);
    const name = font.tables.get('name');
    f = {
      postscriptName: font.postscriptName,
      unitsPerEm: font.unitsPerEm,
      ascent: font.ascent,
      descent: font.descent,
      lineGap: font.lineGap,
      xHeight: font.xHeight,
      capHeight: font.capHeight,
      bbox: font.bbox,
      italicAngle: font.italicAngle,
      post: { isFixedPitch: font.fixedPitch ? 1 : 0 },
      head: { macStyle: { italic: font.italic } },
      'OS/2': { sFamilyClass: font.familyClass },
      _tables: {
        head: { checkSumAdjustment: head.getUint32(8) },
        name: { records: name ? Buffer.from(name).toString('latin1') : '' },
      },
      createSubset: () => createSubset(font),
      getGlyph: (gid: number) => ({ id: gid, advanceWidth: font.advanceOf(gid), codePoints: [] }),
      layout: (text: string): GlyphRun => {
        const r = layout(font, text);
        return {
          glyphs: r.glyphs,
          positions: r.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
          advanceWidth: r.advanceWidth,
        };
      },
    };
    forPdfkit.set(font, f);
  }
  return f;
}

// ---- 2. pdfkit's XMP metadata -------------------------------------------------------------

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

// ---- 3. pdfkit's default font -------------------------------------------------------------

/** pdfkit's `font` option that loads no default font (see 3 above). */
export const NO_DEFAULT_FONT = null as unknown as string;

// ---- 4. drawing a run's glyphs -------------------------------------------------------------

/** The private parts of pdfkit 0.20.2's EmbeddedFont that encode() uses. */
interface EmbeddedFontPrivate {
  id: string;
  ref(): unknown;
  subset: { includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
}

/** What drawGlyphs uses of a pdfkit document: the public addContent and the private `_font`, `page.fonts`. */
interface DocPrivate {
  _font?: Partial<EmbeddedFontPrivate> | null;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** A subset's glyph id as the four hex digits of a TJ string; made once per id. */
const HEX4: string[] = [];
const hex4 = (gid: number): string => (HEX4[gid] ??= gid.toString(16).padStart(4, '0'));

/** pdfkit's PDFObject.number: how every number is written in a content stream. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Draws `pieces` (shaped runs of `font`, one after another) with the baseline's left end at
 * (x, y) in pdfkit's top-down coordinates, in the current font and size of `doc`, writing what
 * pdfkit's text() would (see 4 above), in one addContent call (pdfkit ends each call's text with a
 * newline, so the lines joined by newlines are the same bytes; the save, flip and restore leave
 * pdfkit's current matrix as they found it). False, having drawn nothing, when pdfkit's internals
 * are not as expected.
 */
export function drawGlyphs(doc: object, font: Font, pieces: readonly GlyphRun[], x: number, y: number, size: number): boolean {
  const d = doc as DocPrivate;
  const f = d._font;
  if (!f || typeof f.ref !== 'function' || !f.subset || !Array.isArray(f.widths) || !Array.isArray(f.unicode) || !f.id) return false;
  const ef = f as EmbeddedFontPrivate;
  const k = 1000 / font.unitsPerEm; // EmbeddedFont.scale
  const scale = size / 1000;
  const h = d.page.height;
  y = h - y;
  if (d.page.fonts[ef.id] == null) d.page.fonts[ef.id] = ef.ref();
  const out = ['q', `1 0 0 -1 0 ${num(h)} cm`, 'BT', `1 0 0 1 ${num(x)} ${num(y)} Tm`, `/${ef.id} ${num(size)} Tf`];
  const commands: string[] = [];
  let hex = '';
  let hadOffset = false;
  const segment = (xAdvance: number, advance: number): void => {
    if (hex) commands.push(`<${hex}> ${num(-(xAdvance - advance))}`);
    hex = '';
  };
  const flush = (xAdvance: number, advance: number): void => {
    segment(xAdvance, advance);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  // The scaled advance of the glyph before the current one: what a segment ending there is kerned by.
  let lastX = 0;
  let lastW = 0;
  for (const run of pieces) {
    for (let i = 0; i < run.glyphs.length; i++) {
      const g = run.glyphs[i]!;
      const p = run.positions[i]!;
      const gid = ef.subset.includeGlyph(g.id);
      ef.widths[gid] ??= g.advanceWidth * k;
      ef.unicode[gid] ??= g.codePoints;
      const xAdvance = p.xAdvance * k;
      const advance = g.advanceWidth * k;
      const xOffset = p.xOffset * k;
      const yOffset = p.yOffset * k;
      if (xOffset || yOffset) {
        flush(lastX, lastW);
        out.push(`1 0 0 1 ${num(x + xOffset * scale)} ${num(y + yOffset * scale)} Tm`);
        hex = hex4(gid);
        flush(xAdvance, advance);
        hadOffset = true;
      } else {
        if (hadOffset) {
          out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
          hadOffset = false;
        }
        hex += hex4(gid);
        if (xAdvance - advance !== 0) segment(xAdvance, advance);
      }
      lastX = xAdvance;
      lastW = advance;
      x += xAdvance * scale;
    }
  }
  flush(lastX, lastW);
  out.push('ET', 'Q');
  d.addContent(out.join('\n'));
  return true;
}

// ---- 5. how streams are written -----------------------------------------------------------

/** The private parts of pdfkit 0.20.2's PDFReference that writeStreams uses. */
interface ReferencePrivate {
  compress: boolean;
  buffer: Uint8Array[];
  write(chunk: unknown): void;
  finalize(): void;
}

/** `bytes` in an array of its own, of its exact size (not a view of a larger buffer). */
const exact = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);

/**
 * Has every stream of `doc` written in one piece and deflated at `level` (see 5 above). A
 * stream's lines (pdfkit's write(string) appends a newline to each) are kept as strings and handed
 * to pdfkit's own write() as one Buffer when bytes come or the stream ends: the same bytes, where
 * pdfkit makes an array per line (a page of a letter has hundreds). Then, just before pdfkit's
 * own finalize runs, the stream is deflated at `level` instead of zlib's default 6 (pdfkit's
 * PDFReference.finalize deflates with no options), into an array of its exact size, and
 * `compress` is turned off, so that finalize writes the bytes as they are, with the FlateDecode
 * filter its write() already set; streams pdfkit keeps uncompressed (the XMP metadata) are only
 * joined. If `doc.ref` or a reference is not as expected, pdfkit's own writing runs.
 */
export function writeStreams(doc: object, level: number): void {
  const d = doc as { ref?: (data?: object) => unknown };
  if (typeof d.ref !== 'function') return;
  const ref = d.ref.bind(doc);
  d.ref = (data?: object) => {
    const r = ref(data) as Partial<ReferencePrivate>;
    const { finalize, write } = r;
    if (typeof finalize !== 'function' || typeof write !== 'function' || !Array.isArray(r.buffer) || typeof r.compress !== 'boolean')
      return r;
    let lines: string[] = [];
    const flush = (self: ReferencePrivate): void => {
      if (lines.length === 0) return;
      const joined = lines.join('\n') + '\n';
      lines = [];
      write.call(self, Buffer.from(joined, 'latin1'));
    };
    r.write = function (this: ReferencePrivate, chunk: unknown) {
      if (typeof chunk === 'string') {
        lines.push(chunk);
        return;
      }
      flush(this);
      write.call(this, chunk);
    };
    r.finalize = function (this: ReferencePrivate) {
      flush(this);
      if (this.compress && this.buffer.length > 0) {
        this.buffer = [exact(deflateSync(Buffer.concat(this.buffer), { level }))];
        this.compress = false;
      }
      return finalize.call(this);
    };
    return r;
  };
}

// ---- 6. the file, collected, and the document let go ---------------------------------------

/** The private parts of pdfkit 0.20.2's PDFDocument that collectPdf uses. */
interface OutputPrivate {
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  _offset: number;
  ref(data?: object): unknown;
  struct?: (...a: unknown[]) => unknown;
  addPage?: (...a: unknown[]) => unknown;
  page?: unknown;
  _fontFamilies?: Record<string, object>;
}

/** The fields a document has as a Node stream (Readable), which the stream's own ticks still read. */
const STREAM_FIELDS = new Set(['_events', '_eventsCount', '_readableState', '_maxListeners']);

/** Empties an object's own fields, so that it holds nothing when it is dead but not yet collected. */
function empty(o: unknown): void {
  if (o === null || typeof o !== 'object') return;
  for (const k of Object.keys(o)) if (!STREAM_FIELDS.has(k)) (o as Record<string, unknown>)[k] = undefined;
}

/**
 * Collects what pdfkit writes of `doc` (call before anything is drawn) and returns the function
 * that gives the finished file, once `doc.end()` has run, and lets the document go (see 6 above).
 */
export function collectPdf(doc: object): () => Promise<Buffer> {
  const d = doc as Partial<OutputPrivate> & NodeJS.EventEmitter;
  if (typeof d._write !== 'function' || typeof d._finalize !== 'function' || typeof d._offset !== 'number' || typeof d.ref !== 'function') {
    const chunks: Buffer[] = [];
    d.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      d.on('end', () => resolve());
      d.on('error', reject);
    });
    return async () => {
      await done;
      return Buffer.concat(chunks);
    };
  }
  const o = d as OutputPrivate;
  // What the constructor wrote (the header) waits in the stream's buffer.
  const head = (d as unknown as NodeJS.ReadableStream).read() as Buffer | null;
  const parts: (string | Uint8Array)[] = head ? [head] : [];
  let size = head?.length ?? 0;
  o._write = (data) => {
    // A string is written as its low bytes and a newline, as pdfkit's fromBinaryString does.
    const n = typeof data === 'string' ? data.length + 1 : data.length;
    parts.push(data);
    size += n;
    o._offset += n;
  };
  let finished = false;
  const finalize = o._finalize;
  o._finalize = function (this: OutputPrivate) {
    finalize.call(this);
    finished = true;
  };
  // What the document makes and keeps: let go with it.
  const made: unknown[] = [];
  const keep = <A extends unknown[]>(name: 'ref' | 'struct', f: ((...a: A) => unknown) | undefined): void => {
    if (typeof f !== 'function') return;
    (o as unknown as Record<string, unknown>)[name] = function (this: object, ...a: A) {
      const r = f.apply(this, a);
      made.push(r);
      return r;
    };
  };
  keep('ref', o.ref);
  keep('struct', o.struct);
  const addPage = o.addPage;
  if (typeof addPage === 'function') {
    o.addPage = function (this: OutputPrivate, ...a: unknown[]) {
      const r = addPage.apply(this, a);
      made.push(this.page);
      return r;
    };
  }
  return async () => {
    if (!finished) throw new Error('pdfkit did not finish the PDF in end()');
    const file = Buffer.allocUnsafe(size);
    let at = 0;
    for (const p of parts) {
      if (typeof p === 'string') {
        at += file.write(p, at, 'latin1');
        file[at++] = 0x0a;
      } else {
        file.set(p, at);
        at += p.length;
      }
    }
    for (const r of made) empty(r);
    for (const f of Object.values(o._fontFamilies ?? {})) empty(f);
    empty(doc);
    return file;
  };
}
