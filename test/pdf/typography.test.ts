/**
 * The typography of the PDF, read back as a recipient sees it: inline styles in their fonts,
 * no-break spaces, the letterhead, room to sign, running heads, and a closing never alone.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Letter, LetterMeta } from '../../src/render/letter.js';
import { parseMarkup } from '../../src/render/markup.js';
import { loadFaces } from '../../src/write/pdf/fonts.js';
import { defaultFonts, renderPdf, type PdfOptions } from '../../src/write/pdf/index.js';
import { geometry, layoutLetter, type PlacedText } from '../../src/write/pdf/layout.js';
import { clean, expectWords, readPdf } from '../pdf-read.js';

const META: LetterMeta = {
  reference: '475/2007',
  date: '2007-12-23',
  title: 'Seid Metinpur: Update No 3',
  author: 'Committee for the Defence of the Rights of World Azerbaijanis',
  keywords: ['metinpur'],
  language: 'en',
};
const letter = (blocks: Block[], meta: Partial<LetterMeta> = {}): Letter => ({ meta: { ...META, ...meta }, blocks });
const options = (o: Partial<PdfOptions> = {}): PdfOptions => ({ page: 'A4', fonts: defaultFonts(), ...o });
const fontsOf = (pdf: Buffer): Set<string> =>
  new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([^\s/>]+)/g)].map((m) => m[1]!));

/** The text of each placed line of a page layout, runs joined in drawing order. */
const lineTexts = (items: { kind: string }[]): string[] =>
  items.filter((i): i is PlacedText => i.kind === 'text').map((t) => t.runs.map((r) => r.text).join(''));

describe('inline styles', () => {
  it('sets *italic*, **bold** and ***bold italic*** in DejaVu Serif Italic, Bold and Bold Italic', async () => {
    const pdf = await renderPdf(
      letter(
        parseMarkup(
          [
            'We write about *Seid Metinpur* and **his brother**.',
            '',
            'Respectfully,',
            '',
            '***Cooperation Platform of (South) Azerbaijani Political Parties***',
          ].join('\n'),
        ),
      ),
      options(),
    );
    expect(fontsOf(pdf)).toEqual(new Set(['DejaVuSerif', 'DejaVuSerif-Italic', 'DejaVuSerif-Bold', 'DejaVuSerif-BoldItalic']));
    const [page] = await readPdf(pdf);
    // (pdf.js puts a space between runs of different fonts)
    const text = page!.text.replace(/ /g, '');
    expect(text).toContain('WewriteaboutSeidMetinpurandhisbrother.');
    expect(text).toContain('CooperationPlatformof(South)AzerbaijaniPoliticalParties');
    expect(page!.text).not.toContain('*');
  });

  it('sets an italic Persian run upright in DejaVu Sans (its oblique has no Arabic), Latin italic around it', async () => {
    const pdf = await renderPdf(letter(parseMarkup('*The platform, پلتفرم همکاری, wrote.*')), options());
    // the Persian letters upright; the comma and space after them in the Sans oblique
    expect(fontsOf(pdf)).toEqual(new Set(['DejaVuSerif-Italic', 'DejaVuSans', 'DejaVuSans-Oblique']));
    const [page] = await readPdf(pdf);
    expectWords(page!.text, 'The platform, پلتفرم همکاری, wrote.');
  });

  it('is the same bytes as before for a letter without styles (no italic font is even loaded)', async () => {
    const pdf = await renderPdf(letter(parseMarkup('# Heading\n\nPlain text.')), options());
    expect(fontsOf(pdf)).toEqual(new Set(['DejaVuSerif', 'DejaVuSerif-Bold']));
  });
});

describe('no-break spaces', () => {
  const faces = loadFaces(defaultFonts());
  const geo = geometry('A4');

  it('never break a line: a date, a reference and an honorific stay whole, wherever the line ends', () => {
    let checked = 0;
    for (let n = 0; n < 40; n++) {
      const text = `${'word '.repeat(n)}on 23\u00a0December\u00a02007 Mr.\u00a0Metinpur sent No.\u202f475/2007 to us.`;
      const pages = layoutLetter(
        letter([{ type: 'paragraph', lines: [{ indent: 0, text, bold: false }], align: 'left', keepWithNext: false }]),
        geo,
        faces,
      );
      const lines = lineTexts(pages[0]!.items);
      const all = lines.join('\n');
      for (const whole of ['23 December 2007', 'Mr. Metinpur', 'No. 475/2007']) expect(all, `n=${n}`).toContain(whole);
      if (lines.length > 1) checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('are drawn as a space of normal width', async () => {
    const plain = await renderPdf(
      letter([
        { type: 'paragraph', lines: [{ indent: 0, text: 'on 23 December 2007', bold: false }], align: 'right', keepWithNext: false },
      ]),
      options(),
    );
    const nbsp = await renderPdf(
      letter([
        {
          type: 'paragraph',
          lines: [{ indent: 0, text: 'on 23\u00a0December\u202f2007', bold: false }],
          align: 'right',
          keepWithNext: false,
        },
      ]),
      options(),
    );
    const [a] = await readPdf(plain);
    const [b] = await readPdf(nbsp);
    // right-aligned: the same left edge means the same width
    expect(b!.items[0]!.x).toBeCloseTo(a!.items[0]!.x, 2);
    expect(clean(b!.text)).toBe('on 23 December 2007');
  });
});

describe('the letterhead', () => {
  const faces = loadFaces(defaultFonts());
  const geo = geometry('A4');
  const AZ = 'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması';
  const EN = 'Cooperation Platform of Azerbaijani Political Parties';
  const FA = 'پلتفرم همکاری سازمانهای سیاسی آذربایجان';

  it('sets every script line in the same size and weight, contacts small under a thin rule, all centred', () => {
    const blocks = parseMarkup(`::: letterhead\n${AZ}\n${EN}\n${FA}\n---\nPostfach 1234, 50667 Köln\ninfo@example.org\n:::\n\nText.`);
    const [page] = layoutLetter(letter(blocks), geo, faces);
    const texts = page!.items.filter((i): i is PlacedText => i.kind === 'text');
    const rule = page!.items.find((i) => i.kind === 'rule')!;
    const joined = (t: PlacedText) => t.runs.map((r) => r.text).join('');
    const head = texts.slice(0, 3);
    expect(joined(head[0]!)).toBe(AZ);
    for (const t of head) {
      for (const r of t.runs) {
        expect(r.size).toBe(head[0]!.runs[0]!.size);
        expect(r.font.postscriptName).toMatch(/-Bold$/); // DejaVuSerif-Bold, DejaVuSans-Bold
      }
      const left = t.runs[0]!.x;
      const right = t.runs.at(-1)!.x + t.runs.at(-1)!.width;
      expect(Math.abs((left + right) / 2 - (geo.left + geo.right) / 2)).toBeLessThan(0.5);
    }
    expect(head[0]!.runs[0]!.size).toBeGreaterThan(11); // larger than the body
    const contacts = texts.slice(3, 5);
    expect(contacts.map(joined)).toEqual(['Postfach 1234, 50667 Köln', 'info@example.org']);
    for (const t of contacts) for (const r of t.runs) expect(r.size).toBeLessThan(10);
    // the rule lies between the name and the contacts, centred, thin
    expect(rule.kind === 'rule' && rule.y > head[2]!.y && rule.y < contacts[0]!.y).toBe(true);
    if (rule.kind === 'rule') {
      expect(rule.width).toBeLessThanOrEqual(0.5);
      expect((rule.x1 + rule.x2) / 2).toBeCloseTo((geo.left + geo.right) / 2, 3);
    }
  });

  it('has no rule without contacts; the Persian line reads in order, centred', async () => {
    const l = letter(parseMarkup(`::: letterhead\n${AZ}\n${EN}\n${FA}\n:::\n\nText.`));
    expect(layoutLetter(l, geo, faces)[0]!.items.some((i) => i.kind === 'rule')).toBe(false);
    const pdf = await renderPdf(l, options());
    const [page] = await readPdf(pdf);
    for (const line of [AZ, EN, FA]) {
      const it = page!.items.find((i) => clean(i.str) === line)!;
      expect(it, line).toBeDefined();
      expect(Math.abs(it.x + it.width / 2 - page!.width / 2)).toBeLessThan(2);
    }
  });
});

describe('room to sign', () => {
  const MM = 72 / 25.4;
  // DejaVu Serif: cap height 0.729 em, descender 0.236 em
  const clearance = (page: Awaited<ReturnType<typeof readPdf>>[number], above: string, below: string, size = 11): number => {
    const a = page.items.find((i) => clean(i.str) === above)!;
    const b = page.items.find((i) => clean(i.str) === below)!;
    expect(a, above).toBeDefined();
    expect(b, below).toBeDefined();
    // pdf.js gives baselines, y upwards
    return a.y - 0.236 * size - (b.y + 0.729 * size);
  };

  it('leaves at least 20 mm between the closing and the name, from the `~` lines of the template', async () => {
    for (const tildes of [1, 2, 3, 6]) {
      const markup = [
        'Dear Sir or Madam,',
        '',
        '::: keep',
        'Yours sincerely,',
        ...Array(tildes).fill('~'),
        'Boyuk Resuloglu',
        'Chairperson',
        ':::',
      ];
      const [page] = await readPdf(await renderPdf(letter(parseMarkup(markup.join('\n'))), options()));
      const room = clearance(page!, 'Yours sincerely,', 'Boyuk Resuloglu');
      expect(room, `${tildes} ~`).toBeGreaterThanOrEqual(20 * MM);
      // and no more than the lines asked for, when they ask for more
      if (tildes === 6) expect(room).toBeLessThan(6 * 11 * 1.3 + 11);
      // the name and the title below it stay a line apart
      const name = page!.items.find((i) => i.str === 'Boyuk Resuloglu')!;
      const title = page!.items.find((i) => i.str === 'Chairperson')!;
      expect(name.y - title.y).toBeCloseTo(11 * 1.3, 1);
    }
  });
});

describe('running heads', () => {
  const body =
    'It is beyond doubt that all these victims have been arbitrarily deprived of their liberty and suffered untold waves of torture. ';
  const long = (n: number): Block[] =>
    Array.from({ length: n }, (_, k) => ({
      type: 'paragraph' as const,
      lines: [{ indent: 0, text: `Paragraph ${k + 1}. ${body.repeat(3)}`, bold: false }],
      align: 'left' as const,
      keepWithNext: false,
    }));

  it('heads each continuation page with the filled-in running head, at the top; page 1 has none', async () => {
    const head = 'No.: 475/2007 · 23\u00a0December\u00a02007 · page {page} of {pages}';
    const pages = await readPdf(await renderPdf(letter(long(24), { runningHead: head }), options()));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const m = pages.length;
    expect(pages[0]!.text).not.toContain('No.: 475/2007');
    expect(pages[0]!.text).not.toMatch(/page \d/i);
    pages.slice(1).forEach((p, k) => {
      const want = `No.: 475/2007 · 23 December 2007 · page ${k + 2} of ${m}`;
      const item = p.items.find((i) => clean(i.str) === want);
      expect(item, want).toBeDefined();
      expect(item!.y).toBeGreaterThan(Math.max(...p.items.filter((i) => i !== item).map((i) => i.y)));
      // no English footer under a head in the letter's language
      expect(p.text).not.toMatch(/Page \d+ of \d+/);
    });
  });

  it('takes the words of the language; without a running head, the reference and "Page n of m" as before', async () => {
    const az = await readPdf(
      await renderPdf(letter(long(12), { runningHead: '№ 475/2007 · 23 dekabr 2007 · səhifə {page}/{pages}' }), options()),
    );
    expect(az.length).toBe(2);
    expect(az[1]!.text).toContain('№ 475/2007 · 23 dekabr 2007 · səhifə 2/2');
    const plain = await readPdf(await renderPdf(letter(long(12)), options()));
    expect(plain[0]!.text).toContain('Page 1 of 2');
    expect(plain[1]!.items.some((i) => i.str === '475/2007')).toBe(true);
  });
});

describe('the closing never alone on a page', () => {
  const faces = loadFaces(defaultFonts());
  const geo = geometry('A4');
  const sentence = 'The families have stated their concern on the physical conditions and weight loss of each one of the victims. ';
  const closing = ['::: keep', 'Yours sincerely,', '~', '~', 'Boyuk Resuloglu', 'Chairperson of the Committee', ':::'];
  /** A letter of `paragraphs` paragraphs of four lines or so, a list, then a last paragraph of `lastWords` words, then the closing. */
  const markup = (paragraphs: number, lastWords: number, list: boolean): string =>
    [
      ...Array.from({ length: paragraphs }, (_, k) => `P${k} ${sentence.repeat(3)}\n`),
      ...(list ? ['- L1 first item of the list', '- L2 second item of the list, a little longer than the first one', ''] : []),
      `LAST ${'word '.repeat(lastWords)}end.`,
      '',
      ...closing,
    ].join('\n');

  it('brings at least two lines of the body with it, whatever the length of the letter', () => {
    const pagesOfClosing = new Set<number>();
    let pulled = 0;
    for (const list of [false, true])
      for (let paragraphs = 6; paragraphs <= 8; paragraphs++)
        for (let lastWords = 1; lastWords <= 80; lastWords += 3) {
          const pages = layoutLetter(letter(parseMarkup(markup(paragraphs, lastWords, list))), geo, faces);
          const p = pages.findIndex((pg) => lineTexts(pg.items).includes('Yours sincerely,'));
          pagesOfClosing.add(p);
          const texts = lineTexts(pages[p]!.items).filter((t) => t !== '•'); // lines, without list markers
          const before = texts.indexOf('Yours sincerely,');
          const what = `${paragraphs} paragraphs, ${lastWords} words, list ${list}`;
          expect(before, what).toBeGreaterThanOrEqual(2);
          expect(texts.slice(before), what).toEqual(['Yours sincerely,', 'Boyuk Resuloglu', 'Chairperson of the Committee']);
          // what came along left no single line of its block behind on the page before
          if (p > 0 && before <= 4) {
            pulled++;
            const prev = lineTexts(pages[p - 1]!.items).filter((t) => t !== '•');
            // the block of the first line here began on the page before: it left two lines or more there
            const startsBlock = /^(P\d+|L\d|LAST)/.test(texts[0]!);
            if (!startsBlock) expect(prev.at(-1), `${what}: one line of the block left behind`).not.toMatch(/^(P\d+|L\d|LAST)/);
          }
        }
    expect(pagesOfClosing.size, 'the letters end on different pages: the page break swept over the closing').toBeGreaterThan(1);
    expect(pulled).toBeGreaterThan(0);
  });

  it('reads back that way from the PDF', async () => {
    for (let lastWords = 1; lastWords <= 80; lastWords += 8) {
      const pages = await readPdf(await renderPdf(letter(parseMarkup(markup(7, lastWords, true))), options()));
      const last = pages.at(-1)!;
      const closingAt = last.items.findIndex((i) => i.str === 'Yours sincerely,');
      expect(closingAt).toBeGreaterThanOrEqual(0);
      const body = last.items.slice(0, closingAt).filter((i) => !/^(Page \d+ of \d+|475\/2007)$/.test(i.str));
      expect(body.length, `${lastWords} words`).toBeGreaterThan(0);
    }
  });
});
