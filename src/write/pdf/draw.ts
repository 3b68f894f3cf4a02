/**
 * Drawing laid-out pages with pdfkit: every run at an explicit position with `lineBreak: false`,
 * the font fixed per run, the direction fixed by the run's text (see bidi.ts). Headers, footers,
 * metadata, and (optionally) the structure tree of a tagged PDF.
 */
import type { Font } from 'fontkit';
import type { LetterMeta } from '../../render/letter.js';
import { loadPdfkit } from './deps.js';
import { FEATURES, pdfkitFont } from './fonts.js';
import type { Geometry, PageLayout, PlacedText, StructNode } from './layout.js';

export interface DrawOptions {
  page: 'A4' | 'Letter';
  geometry: Geometry;
  /** Header and footer lines of page n (1-based) of m, laid out like body text. */
  furniture: (n: number, m: number) => PlacedText[];
  /** Write a tagged PDF (structure tree, marked content, artifacts). */
  tagged: boolean;
  /** Claim PDF/A-2 (with `tagged`: 2a, else 2b): adds an sRGB output intent and XMP metadata. */
  pdfa: boolean;
  creationDate: Date;
}

type Doc = InstanceType<ReturnType<typeof loadPdfkit>>;
type StructElement = ReturnType<Doc['struct']>;
type StructContent = ReturnType<Doc['markStructureContent']>;

export async function drawPdf(pages: PageLayout[], meta: LetterMeta, o: DrawOptions): Promise<Buffer> {
  const PDFDocument = loadPdfkit();
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
    size: o.page === 'Letter' ? 'LETTER' : 'A4',
    margin: 0,
    // No default font: pdfkit would load Helvetica's metrics for nothing.
    font: null as unknown as string,
    info: info as PDFKit.DocumentInfo,
    pdfVersion: '1.7',
    lang: meta.language || undefined,
    displayTitle: Boolean(meta.title),
    tagged: o.tagged,
    ...(o.pdfa ? { subset: o.tagged ? ('PDF/A-2a' as const) : ('PDF/A-2b' as const) } : {}),
  });
  writeXmpOurselves(doc, meta, o.creationDate);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  // Fonts are registered under names in order of first use, so ids and subset tags are stable.
  const names = new Map<Font, string>();
  const fontName = (f: Font): string => {
    let n = names.get(f);
    if (!n) {
      n = `f${names.size}`;
      names.set(f, n);
      doc.registerFont(n, pdfkitFont(f) as unknown as PDFKit.Mixins.PDFFontSource);
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
      doc.text(r.text, r.x, t.y, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...(r.whole ? { features: FEATURES as PDFKit.Mixins.OpenTypeFeatures[] } : {}),
      });
    }
  };

  // Structure tree: pdfkit elements made on first use, under their parents.
  const root: StructElement | undefined = o.tagged ? doc.struct('Document') : undefined;
  if (root) doc.addStructure(root);
  const elements = new Map<number, StructElement>();
  const elementOf = (n: StructNode): StructElement => {
    let e = elements.get(n.id);
    if (!e) {
      e = doc.struct(n.type);
      (n.parent ? elementOf(n.parent) : root!).add(e);
      elements.set(n.id, e);
    }
    return e;
  };
  let open: StructNode | null = null;
  const close = (): void => {
    if (open) doc.endMarkedContent();
    open = null;
  };

  const m = pages.length;
  pages.forEach((page, k) => {
    doc.addPage({ size: o.page === 'Letter' ? 'LETTER' : 'A4', margin: 0 });
    current = undefined;
    const furniture = o.furniture(k + 1, m);
    if (furniture.length > 0) {
      if (o.tagged) doc.markContent('Artifact', { type: 'Pagination' });
      furniture.forEach(drawText);
      if (o.tagged) doc.endMarkedContent();
    }
    for (const it of page.items) {
      if (it.kind === 'rule') {
        close();
        if (o.tagged) doc.markContent('Artifact', { type: 'Layout' });
        doc.save().lineWidth(0.5).moveTo(it.x1, it.y).lineTo(it.x2, it.y).stroke().restore();
        if (o.tagged) doc.endMarkedContent();
        continue;
      }
      if (o.tagged && it.node && it.node !== open) {
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
  root?.end();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const xmlEscape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * pdfkit (0.20.2) writes the XMP metadata of a PDF 1.4+ file with the title and author pasted in
 * unescaped (a title with "&" or "<" makes it broken XML) and without the keywords, producer and
 * modification date that the Info dictionary has. This replaces its private `_addInfo` on this
 * document with one that writes them all, escaped. If pdfkit's internals change, pdfkit's own runs.
 */
function writeXmpOurselves(doc: Doc, meta: LetterMeta, date: Date): void {
  const d = doc as unknown as { _addInfo?: () => void; appendXML?: (xml: string) => void };
  if (typeof d._addInfo !== 'function' || typeof d.appendXML !== 'function') return;
  const appendXML = d.appendXML.bind(doc);
  const when = date.toISOString().split('.')[0] + 'Z';
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
      meta.keywords.length > 0 ? `<pdf:Keywords>${xmlEscape(meta.keywords.join(', '))}</pdf:Keywords>` : '',
      `</rdf:Description>`,
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
      `<dc:format>application/pdf</dc:format>`,
      meta.title ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(meta.title)}</rdf:li></rdf:Alt></dc:title>` : '',
      meta.author ? `<dc:creator><rdf:Seq><rdf:li>${xmlEscape(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
      meta.reference
        ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(meta.reference)}</rdf:li></rdf:Alt></dc:description>`
        : '',
      meta.language ? `<dc:language><rdf:Bag><rdf:li>${xmlEscape(meta.language)}</rdf:li></rdf:Bag></dc:language>` : '',
      `</rdf:Description>`,
    ];
    appendXML(parts.filter((p) => p).join('\n'));
  };
}
