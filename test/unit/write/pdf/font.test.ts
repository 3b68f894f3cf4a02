/**
 * The PDF writer's own font reading (font.ts), shaping (HarfBuzz) and subsetting (subset.ts), each
 * against fontkit, which wrote the PDFs before and is still installed (pdfkit depends on it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultFonts } from '../../../../src/write/pdf/index.js';
import { Font } from '../../../../src/write/pdf/font.js';
import { pdfkitFont } from '../../../../src/write/pdf/internals.js';
import { createSubset } from '../../../../src/write/pdf/subset.js';

/** The little of fontkit 2.0.4 compared with here. */
interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FkFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  lineGap: number;
  xHeight: number;
  capHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post: { isFixedPitch: number };
  head: { macStyle: { italic: boolean } };
  'OS/2': { sFamilyClass: number };
  numGlyphs: number;
  getGlyph(gid: number): FkGlyph;
  glyphForCodePoint(cp: number): FkGlyph;
  layout(text: string): { glyphs: FkGlyph[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
  createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): FkFont };

const files = defaultFonts().flatMap((f) => [f.regular, f.bold!, f.italic!, f.boldItalic!]);
const name = (f: string) => f.slice(f.lastIndexOf('/') + 1);
const both = (file: string) => {
  const buf = readFileSync(file);
  return { ours: new Font(buf), theirs: fontkit.create(buf) };
};

const SAMPLES = [
  'We are deeply concerned: AV To Wa, office, fi fl ffi.',
  'Cənab həbs edildi; ailəsi səhhətindən narahatdır. İŞĞ',
  'Семья сообщила, что его перевели в тюрьму Эвин.',
];
// Persian with joining, lam-alef, a ZWNJ, and shadda + fatha (one ligature of two marks).
const PERSIAN = ['خانواده‌ها', 'نگرانی', 'لا', 'اللَّهِ', 'می‌گویند', 'متین‌پور'];

describe('Font (font.ts)', () => {
  it.each(files.map((f) => [name(f), f]))(
    '%s: the metrics a PDF gives, as fontkit reads them, through the object pdfkit gets',
    (_, file) => {
      const { ours, theirs } = both(file);
      const pk = pdfkitFont(ours, (f, t) => f.layout(t, false)) as unknown as FkFont & { _tables: unknown };
      for (const key of ['postscriptName', 'unitsPerEm', 'ascent', 'descent', 'lineGap', 'xHeight', 'capHeight', 'italicAngle'] as const)
        expect(pk[key], key).toBe(theirs[key]);
      expect({ ...pk.bbox }).toEqual({ minX: theirs.bbox.minX, minY: theirs.bbox.minY, maxX: theirs.bbox.maxX, maxY: theirs.bbox.maxY });
      expect(Boolean(pk.post.isFixedPitch)).toBe(Boolean(theirs.post.isFixedPitch));
      expect(pk.head.macStyle.italic).toBe(theirs.head.macStyle.italic);
      expect(pk['OS/2'].sFamilyClass).toBe(theirs['OS/2'].sFamilyClass);
      expect(pk.getGlyph(0).advanceWidth).toBe(theirs.getGlyph(0).advanceWidth);
      for (let gid = 0; gid < theirs.numGlyphs; gid += 7) expect(ours.advanceOf(gid)).toBe(theirs.getGlyph(gid).advanceWidth);
    },
  );

  it.each(files.map((f) => [name(f), f]))('%s: the glyph of every character, as fontkit and HarfBuzz map it', (_, file) => {
    const { ours, theirs } = both(file);
    const differ: number[] = [];
    for (let cp = 0; cp < 0x30000; cp += cp < 0x3000 ? 1 : 3) {
      const g = ours.glyphForCodePoint(cp);
      if (g !== theirs.glyphForCodePoint(cp).id || g !== ours.harfbuzz.nominalGlyph(cp)) differ.push(cp);
    }
    expect(differ).toEqual([]);
  });

  it('shapes Latin, Azerbaijani, Russian (Serif) and Persian (Sans) as fontkit did: glyphs, positions, characters', () => {
    const [serif, sans] = defaultFonts();
    const cases: [string, string[]][] = [
      [serif!.regular, SAMPLES.flatMap((s) => s.split(' '))],
      [serif!.bold!, SAMPLES.flatMap((s) => s.split(' '))],
      [sans!.regular, PERSIAN],
    ];
    for (const [file, words] of cases) {
      const { ours, theirs } = both(file);
      for (const w of words) {
        const rtl = /[\u0600-\u06ff]/.test(w);
        const a = ours.layout(w, rtl);
        const b = theirs.layout(w);
        expect(
          a.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]),
          w,
        ).toEqual(b.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]));
        expect(a.positions, w).toEqual(
          b.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
        );
      }
    }
  });

  it('reads a glyph as its own characters: two marks in one ligature, not the letter they sit on; a hidden joiner as a space', () => {
    const sans = new Font(readFileSync(defaultFonts()[1]!.regular));
    // HarfBuzz puts the lam, the fatha and the shadda in one cluster (shadda first) and draws the
    // marks as one ligature glyph: the lam reads as lam, the ligature as fatha + shadda.
    const run = sans.layout('للَّه'.normalize('NFC'), true);
    const reads = run.glyphs.map((g) => String.fromCodePoint(...g.codePoints));
    expect(reads).toContain('\u064e\u0651');
    expect(reads.filter((r) => r.includes('\u0644'))).toEqual(['\u0644', '\u0644']);
    // A ZWNJ is drawn as the space glyph with no advance: it must read as a space (the glyph's
    // reading holds for all its uses in the PDF), never as U+200C.
    const zwnj = sans.layout('ه‌ها', true);
    const space = sans.glyphForCodePoint(0x20);
    expect(zwnj.glyphs.filter((g) => g.id === space).map((g) => g.codePoints)).toEqual([[0x20]]);
  });

  it('refuses what is not a single font', () => {
    expect(() => new Font(Buffer.from('ttcf0000000000000000'))).toThrow(/collection/);
    expect(() => new Font(Buffer.from('wOFF0000000000000000'))).toThrow(/not a TrueType/);
  });
});

describe('createSubset (subset.ts)', () => {
  it.each(files.map((f) => [name(f), f]))('%s: byte for byte the font fontkit writes, composite glyphs included', (_, file) => {
    const { ours, theirs } = both(file);
    const text = SAMPLES.join(' ') + ' ' + PERSIAN.join(' ') + ' ÀÉÎÕÜ ǅ ẞ';
    const gids = [...new Set(theirs.layout(text).glyphs.map((g) => g.id))];
    const a = createSubset(ours);
    const b = theirs.createSubset();
    for (const g of gids) expect(a.includeGlyph(g)).toBe(b.includeGlyph(g));
    expect(Buffer.from(a.encode()).equals(Buffer.from(b.encode()))).toBe(true);
  });

  it("gives each glyph its own left bearing (fontkit's cache once gave '(' that of ')')", () => {
    const sans = new Font(readFileSync(defaultFonts()[1]!.regular));
    const open = sans.glyphForCodePoint(0x28);
    const close = sans.glyphForCodePoint(0x29);
    expect(sans.bearingOf(open)).not.toBe(sans.bearingOf(close));
    const s = createSubset(sans);
    s.includeGlyph(close);
    s.includeGlyph(open);
    const bytes = Buffer.from(s.encode());
    let hmtx = 0;
    for (let i = 0; i < bytes.readUInt16BE(4); i++)
      if (bytes.toString('latin1', 12 + i * 16, 16 + i * 16) === 'hmtx') hmtx = bytes.readUInt32BE(20 + i * 16);
    expect(bytes.readInt16BE(hmtx + 2 * 4 + 2)).toBe(sans.bearingOf(open));
    expect(bytes.readInt16BE(hmtx + 1 * 4 + 2)).toBe(sans.bearingOf(close));
  });
});
