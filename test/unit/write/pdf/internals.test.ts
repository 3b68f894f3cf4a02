/**
 * drawGlyphs (internals.ts, 4) writes a run as pdfkit's text() would: two documents, one drawn
 * each way, must come out the same bytes, kerning, mark offsets and right-to-left runs included.
 * writeStreams (5) changes only how hard the streams are compressed, not what they hold.
 * collectPdf (6) builds the file pdfkit's stream would give, and leaves the document holding nothing.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPdfkit } from '../../../../src/write/pdf/deps.js';
import { Font } from '../../../../src/write/pdf/font.js';
import { defaultFonts } from '../../../../src/write/pdf/index.js';
import { collectPdf, writeStreams, drawGlyphs, NO_DEFAULT_FONT, pdfkitFont } from '../../../../src/write/pdf/internals.js';
import { pieces, shaped } from '../../../../src/write/pdf/shape.js';

const [serifFace, sansFace] = defaultFonts();
const serif = new Font(readFileSync(serifFace!.regular));
const sans = new Font(readFileSync(sansFace!.regular));

// [font, text, whole]: whole runs are shaped as one (right to left ones must be).
const RUNS: [Font, string, boolean][] = [
  [serif, 'AV To Wa, office fi: Cənab İŞĞ həbs edildi.', false],
  [serif, 'Семья сообщила, что его перевели в тюрьму Эвин.', false],
  [sans, 'خانواده‌ها نگرانی اللَّهِ (متین‌پور) لا', true],
  [sans, '۲۰۰۷', true],
];

async function render(
  draw: (doc: object, font: Font, text: string, whole: boolean, y: number) => void,
  prepare: (doc: object) => void = () => {},
  collect = false,
): Promise<Buffer> {
  const PDFDocument = loadPdfkit();
  const date = new Date('2007-12-23T12:00:00Z');
  const doc = new PDFDocument({ size: 'A4', margin: 0, font: NO_DEFAULT_FONT, info: { CreationDate: date, ModDate: date } });
  const file = collect ? collectPdf(doc) : undefined;
  prepare(doc);
  const chunks: Buffer[] = [];
  if (!file) doc.on('data', (c: Buffer) => chunks.push(c));
  const done = file ?? (() => new Promise((resolve) => doc.on('end', resolve)).then(() => Buffer.concat(chunks)));
  doc.registerFont('serif', pdfkitFont(serif, shaped) as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('sans', pdfkitFont(sans, shaped) as PDFKit.Mixins.PDFFontSource);
  RUNS.forEach(([font, text, whole], k) => {
    doc.font(font === serif ? 'serif' : 'sans').fontSize(11 + k);
    draw(doc, font, text, whole, 100 + 30 * k);
  });
  doc.end();
  return done();
}

describe('drawGlyphs', () => {
  it("writes the same bytes as pdfkit's text()", async () => {
    const viaText = await render((doc, _font, text, whole, y) =>
      (doc as PDFKit.PDFDocument).text(text, 72.5, y, { lineBreak: false, baseline: 'alphabetic', ...(whole ? { features: [] } : {}) }),
    );
    const viaGlyphs = await render((doc, font, text, whole, y) => {
      expect(drawGlyphs(doc, font, pieces(font, text, whole), 72.5, y, (doc as { _fontSize: number })._fontSize)).toBe(true);
    });
    // A document's ID is made from its creation date and info: the same here.
    expect(viaGlyphs.equals(viaText)).toBe(true);
  });

  it('draws nothing and says so when pdfkit has no current font', () => {
    const doc = { page: { height: 800, fonts: {} }, addContent: () => expect.fail('wrote content') };
    expect(drawGlyphs(doc, serif, [shaped(serif, 'x')], 0, 0, 11)).toBe(false);
  });
});

/** The streams of a PDF, inflated, in the order they are written. */
function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at)) {
    const end = pdf.indexOf('\nendstream', at);
    out.push(inflateSync(pdf.subarray(at + 'stream\n'.length, end)));
    at = end + 'endstream'.length + 1;
  }
  return out;
}

describe('writeStreams', () => {
  const drawn = (doc: object, _font: Font, text: string, whole: boolean, y: number) =>
    (doc as PDFKit.PDFDocument).text(text, 72.5, y, { lineBreak: false, baseline: 'alphabetic', ...(whole ? { features: [] } : {}) });

  it("at zlib's default level, writes pdfkit's own bytes", async () => {
    const own = await render(drawn);
    expect((await render(drawn, (doc) => writeStreams(doc, 6))).equals(own)).toBe(true);
  });

  it('at another level, writes other bytes that inflate to the same streams', async () => {
    const own = await render(drawn);
    const fast = await render(drawn, (doc) => writeStreams(doc, 1));
    expect(fast.equals(own)).toBe(false);
    const [a, b] = [streams(own), streams(fast)];
    expect(a.length).toBeGreaterThanOrEqual(5); // the page, two font files and their ToUnicode maps
    expect(b).toEqual(a);
  });
});

describe('collectPdf', () => {
  const drawn = (doc: object, font: Font, text: string, whole: boolean, y: number) => {
    drawGlyphs(doc, font, pieces(font, text, whole), 72.5, y, (doc as { _fontSize: number })._fontSize);
  };

  it("builds the file pdfkit's stream gives, header and all", async () => {
    const own = await render(drawn);
    expect((await render(drawn, () => {}, true)).equals(own)).toBe(true);
    const fast = (doc: object) => writeStreams(doc, 3);
    expect((await render(drawn, fast, true)).equals(await render(drawn, fast))).toBe(true);
  });

  it('leaves the finished document and the references made while drawing holding nothing', async () => {
    let doc: Record<string, unknown> = {};
    const made: Record<string, unknown>[] = [];
    const pdf = await render(
      drawn,
      (d) => {
        doc = d as Record<string, unknown>;
        const ref = doc.ref as (...a: unknown[]) => Record<string, unknown>;
        doc.ref = (...a: unknown[]) => {
          const r = ref.apply(doc, a);
          made.push(r);
          return r;
        };
        (d as PDFKit.PDFDocument).addStructure((d as PDFKit.PDFDocument).struct('Document'));
      },
      true,
    );
    expect(pdf.subarray(-6).toString()).toBe('%%EOF\n');
    expect(made.length).toBeGreaterThan(10);
    const holds = (o: Record<string, unknown>) =>
      Object.entries(o).filter(
        ([k, v]) => v !== undefined && !k.startsWith('_events') && !k.startsWith('_readable') && k !== '_maxListeners',
      );
    for (const r of made) expect(holds(r)).toEqual([]);
    expect(holds(doc)).toEqual([]);
  });
});
