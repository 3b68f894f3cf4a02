/**
 * Drawing laid-out pages with pdfkit: every run at an explicit position with `lineBreak: false`,
 * the font fixed per run, the direction fixed by the run's text (see bidi.ts). Headers, footers,
 * metadata, and the structure tree of a tagged PDF (headers, footers and rules are artifacts).
 */
import type { LetterMeta } from '../../render/letter.js';
import { loadPdfkit } from './deps.js';
import type { Font } from './font.js';
import { collectPdf, writeStreams, drawGlyphs, NO_DEFAULT_FONT, pdfkitFont, writeXmp } from './internals.js';
import { shaped } from './shape.js';
import type { Geometry, PageLayout, PlacedText, StructNode } from './layout.js';

export interface DrawOptions {
  page: 'A4' | 'Letter';
  geometry: Geometry;
  /** Header and footer lines of page n (1-based) of m, laid out like body text. */
  furniture: (n: number, m: number) => PlacedText[];
  creationDate: Date;
}

/**
 * zlib's level for the PDF's streams. Deflate was the largest single cost of a PDF letter at
 * pdfkit's default 6 (1.05 ms of ~5 a letter, in a batch of 1,000); level 3 takes 0.58 ms and
 * makes a letter 1.8% larger (35.1 -> 35.8 KB). Level 1 saves 0.04 ms more for another 1.3%.
 */
const DEFLATE_LEVEL = 3;

/** pdfkit's `features` option that has a run shaped whole, not word by word (see DrawRun.whole). */
const WHOLE: PDFKit.Mixins.OpenTypeFeatures[] = [];

type Doc = InstanceType<ReturnType<typeof loadPdfkit>>;
type StructElement = ReturnType<Doc['struct']>;
type StructContent = ReturnType<Doc['markStructureContent']>;

export async function drawPdf(pages: PageLayout[], meta: LetterMeta, o: DrawOptions): Promise<Buffer> {
  const PDFDocument = loadPdfkit();
  const size = o.page === 'Letter' ? 'LETTER' : 'A4';
  const info: Record<string, string | Date> = {
    Creator: 'appeal',
    Producer: 'appeal',
    CreationDate: o.creationDate,
    ModDate: o.creationDate,
  };
  if (meta.title) info.Title = meta.title;
  if (meta.author) info.Author = meta.author;
  if (meta.reference) info.Subject = meta.reference;
  if (meta.keywords.length > 0) info.Keywords = meta.keywords.join(', ');
  const doc = new PDFDocument({
    autoFirstPage: false,
    size,
    margin: 0,
    // No default font: pdfkit would load Helvetica's metrics for nothing.
    font: NO_DEFAULT_FONT,
    info: info as PDFKit.DocumentInfo,
    pdfVersion: '1.7',
    lang: meta.language || undefined,
    displayTitle: Boolean(meta.title),
    tagged: true,
  });
  writeStreams(doc, DEFLATE_LEVEL);
  writeXmp(doc, {
    title: meta.title,
    author: meta.author,
    subject: meta.reference,
    keywords: meta.keywords,
    language: meta.language,
    date: o.creationDate,
  });
  const file = collectPdf(doc);

  // Fonts are registered under names in order of first use, so ids and subset tags are stable.
  const names = new Map<Font, string>();
  const fontName = (f: Font): string => {
    let n = names.get(f);
    if (!n) {
      n = `f${names.size}`;
      names.set(f, n);
      doc.registerFont(n, pdfkitFont(f, shaped) as unknown as PDFKit.Mixins.PDFFontSource);
    }
    return n;
  };
  let current: { font: Font; size: number } | undefined;
  const drawText = (t: PlacedText): void => {
    for (const r of t.runs) {
      if (current?.font !== r.font || current.size !== r.size) {
        doc.font(fontName(r.font)).fontSize(r.size);
        current = { font: r.font, size: r.size };
      }
      // Our cached glyphs, written as pdfkit's text() writes them (internals.ts, 4); text() if not.
      if (drawGlyphs(doc, r.font, r.pieces, r.x, t.y, r.size)) continue;
      doc.text(r.text, r.x, t.y, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(r.whole ? { features: WHOLE } : {}),
      });
    }
  };

  // Structure tree: pdfkit elements made on first use, under their parents.
  const root: StructElement = doc.struct('Document');
  doc.addStructure(root);
  const elements = new Map<number, StructElement>();
  const elementOf = (n: StructNode): StructElement => {
    let e = elements.get(n.id);
    if (!e) {
      e = doc.struct(n.type);
      (n.parent ? elementOf(n.parent) : root).add(e);
      elements.set(n.id, e);
    }
    return e;
  };
  let open: StructNode | null = null;
  const close = (): void => {
    if (open) doc.endMarkedContent();
    open = null;
  };
  /** Draws page furniture or layout outside the structure tree, as an artifact. */
  const artifact = (type: 'Pagination' | 'Layout', draw: () => void): void => {
    doc.markContent('Artifact', { type });
    draw();
    doc.endMarkedContent();
  };

  const m = pages.length;
  pages.forEach((page, k) => {
    doc.addPage({ size, margin: 0 });
    current = undefined;
    const furniture = o.furniture(k + 1, m);
    if (furniture.length > 0) artifact('Pagination', () => furniture.forEach(drawText));
    for (const it of page.items) {
      if (it.kind === 'rule') {
        close();
        artifact('Layout', () => doc.save().lineWidth(it.width).moveTo(it.x1, it.y).lineTo(it.x2, it.y).stroke().restore());
        continue;
      }
      if (it.node && it.node !== open) {
        close();
        const el = elementOf(it.node);
        const content: StructContent = doc.markStructureContent(it.node.type);
        el.add(content);
        open = it.node;
      }
      drawText(it);
    }
    close();
  });
  root.end();
  doc.end();
  return file();
}
