/**
 * Reading a PDF back as a person's reader would: the text of each page with pdfjs-dist, and
 * the words of it (brackets are mirrored in right-to-left runs, so tests compare words).
 */
import { expect } from 'vitest';

export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}
export interface Page {
  width: number;
  items: Item[];
  text: string;
}

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const clean = (s: string): string =>
  s
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/\u200c/g, ' ')
    .replace(/\s+/g, ' ');

export async function readPdf(buf: Buffer): Promise<Page[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent();
    const items: Item[] = [];
    for (const it of tc.items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width });
    }
    pages.push({ width: page.view[2]!, items, text: clean(items.map((i) => i.str).join(' ')) });
  }
  await doc.destroy();
  return pages;
}

/** Words of a text, without punctuation (brackets are mirrored in RTL runs, so compare words). */
export const words = (s: string): string[] =>
  clean(s)
    .split(' ')
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w.length > 0);

export function expectWords(pageText: string, text: string): void {
  const have = new Set(words(pageText));
  const missing = words(text).filter((w) => !have.has(w));
  expect(missing, `missing words of "${text}"`).toEqual([]);
}
