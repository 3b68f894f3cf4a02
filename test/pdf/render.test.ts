/**
 * The PDF writer, end to end: letters built by hand, rendered, read back with pdfjs-dist.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppealError } from '../../src/errors.js';
import type { Block, Letter, Paragraph } from '../../src/render/letter.js';
import { bundledPdfkit } from '../../src/write/pdf/deps.js';
import { checkCoverage, defaultFonts, renderPdf, type PdfOptions } from '../../src/write/pdf/index.js';
import { tempDir } from '../helpers.js';
import { clean, expectWords, readPdf, words, type Page } from '../pdf-read.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const AZ = 'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması';
const EN = 'Cooperation Platform of Azerbaijani Political Parties';
const FA = 'پلتفرم همکاری سازمانهای سیاسی آذربایجان';
const MIXED = 'نامه شماره 475/2007 به OHCHR';
const RU = 'Сеид Метинпур, узник совести, и его брат Элирза находятся в тюрьме Эвин.';
const AZ_BODY = 'Cənab Seyid Metinpurun ailəsi İranın həbsxanalarında ağır şəraitdən şikayət edir: ə Ə ğ ı İ ş ç ö ü.';
const FA_BODY = 'خانواده‌ها نگرانی خود را درباره وضعیت جسمی زندانیان (به ویژه آقای متین‌پور) ابراز کردند.';
const LONG_URL =
  'https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders/communications/very/long/path/segment?query=value&another=thing#fragment';

function para(text: string, o: Partial<Omit<Paragraph, 'type' | 'lines'>> & { bold?: boolean; indent?: number } = {}): Paragraph {
  return {
    type: 'paragraph',
    lines: text.split('\n').map((t) => ({ indent: o.indent ?? 0, text: t, bold: o.bold ?? false })),
    align: o.align ?? 'left',
    keepWithNext: o.keepWithNext ?? false,
  };
}

function letter(blocks: Block[], reference = '475/2007'): Letter {
  return {
    meta: {
      reference,
      date: '2007-12-23',
      title: 'Seid Metinpur: Update No 3',
      author: 'Committee for the Defence of the Rights of World Azerbaijanis',
      keywords: ['metinpur', 'ohchr'],
      language: 'en',
    },
    blocks,
  };
}

function seedLetter(): Letter {
  return letter([
    { type: 'letterhead', lines: [AZ, EN, FA], contacts: [] },
    { type: 'rule' },
    para('Open Letter to United Nations Secretary-General', { bold: true, keepWithNext: true, align: 'center' }),
    para('No.: 475/2007\nDate: 23 December 2007'),
    para('Dear sir/madam'),
    para(AZ_BODY),
    para(RU, { indent: 4 }),
    para(MIXED),
    para(FA_BODY),
    para(`The latest development published in the very reliable source ${LONG_URL} is:`),
    {
      type: 'list',
      ordered: false,
      items: [
        {
          marker: '•',
          text: 'The families have stated their concern on the physical conditions and weight loss of each one of the victims.',
        },
        { marker: '•', text: 'Mrs. Etiyye Metinpur has stated that her husband was suffering from a severe weight loss.' },
      ],
    },
    { type: 'keep', blocks: [para('Yours sincerely,'), para('Boyuk Resuloglu'), para('Chairperson of the Committee')] },
  ]);
}

function longLetter(items: number): Letter {
  const body =
    'It is beyond doubt that all these victims have been arbitrarily deprived of their liberty and suffered untold waves of torture. '.repeat(
      3,
    );
  return letter([
    { type: 'letterhead', lines: [AZ, EN, FA], contacts: [] },
    para('Update No 3', { bold: true, keepWithNext: true }),
    para(body),
    {
      type: 'list',
      ordered: true,
      items: Array.from({ length: items }, (_, k) => ({
        marker: `${k + 1}.`,
        text: `Listed item ${k + 1} concerns the detention of a prisoner of conscience and the visits of the family.`,
      })),
    },
    para(body),
    para(body),
    para('Subject of the closing', { bold: true, keepWithNext: true }),
    para(body),
    { type: 'keep', blocks: [para('Yours sincerely,'), para('Boyuk Resuloglu'), para('Chairperson')] },
  ]);
}

const options = (o: Partial<PdfOptions> = {}): PdfOptions => ({ page: 'A4', fonts: defaultFonts(), ...o });

// ---- reading PDFs back ----

// ---- tests ----

describe('renderPdf', () => {
  let seedPdf: Buffer;
  let seedPages: Page[];

  beforeAll(async () => {
    seedPdf = await renderPdf(seedLetter(), options());
    seedPages = await readPdf(seedPdf);
  });

  it('renders a one-page letter, small', () => {
    expect(seedPdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(seedPages).toHaveLength(1);
    expect(seedPdf.length).toBeLessThan(60_000);
  });

  it('has every word: Azerbaijani, Russian, Persian, mixed', () => {
    const text = seedPages[0]!.text;
    for (const s of [AZ, EN, FA, AZ_BODY, RU, MIXED, FA_BODY, 'Yours sincerely,', 'Boyuk Resuloglu']) expectWords(text, s);
  });

  it('keeps the three-script letterhead, the Persian line in reading order', () => {
    const text = seedPages[0]!.text;
    expect(text).toContain(AZ);
    expect(text).toContain(EN);
    // pdfjs gives an RTL line in logical order: the whole line, words in order
    expect(text).toContain(FA);
    // the three lines are centred
    const page = seedPages[0]!;
    for (const line of [AZ, EN, FA]) {
      const it = page.items.find((i) => clean(i.str) === line)!;
      expect(it, line).toBeDefined();
      expect(Math.abs(it.x + it.width / 2 - page.width / 2)).toBeLessThan(2);
    }
  });

  it('lays a mixed Persian/Latin line right to left, right-aligned, words in order', () => {
    const page = seedPages[0]!;
    const [, y] = [0, page.items.find((i) => clean(i.str).includes('OHCHR'))!.y];
    const line = page.items.filter((i) => Math.abs(i.y - y) < 0.5).sort((a, b) => b.x - a.x); // right to left
    const joined = clean(line.map((i) => i.str).join(' '));
    const order = ['نامه', 'شماره', '475/2007', 'به', 'OHCHR'].map((w) => joined.indexOf(w));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const right = Math.max(...line.map((i) => i.x + i.width));
    expect(right).toBeGreaterThan(page.width - 25 * (72 / 25.4) - 2);
  });

  it('wraps a long URL inside the page', () => {
    const page = seedPages[0]!;
    const margin = 25 * (72 / 25.4);
    for (const it of page.items) {
      expect(it.x).toBeGreaterThanOrEqual(margin - 0.5);
      expect(it.x + it.width).toBeLessThanOrEqual(page.width - margin + 0.5);
    }
    // nothing of the URL is lost
    expect(page.text.replace(/ /g, '')).toContain(LONG_URL);
  });

  it('embeds and subsets every font', () => {
    const raw = seedPdf.toString('latin1');
    const fontNames = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!);
    expect(fontNames.length).toBeGreaterThanOrEqual(3); // serif, serif bold, sans (Persian)
    for (const n of fontNames) expect(n).toMatch(/^[A-Z]{6}\+/);
    // body in DejaVu Serif (and its bold), Persian in DejaVu Sans (the letterhead's line in its bold)
    expect(new Set(fontNames.map((n) => n.slice(7)))).toEqual(
      new Set(['DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSans', 'DejaVuSans-Bold']),
    );
    const descriptors = (raw.match(/\/Type \/FontDescriptor/g) ?? []).length;
    expect((raw.match(/\/FontFile2/g) ?? []).length).toBe(descriptors);
    expect(raw).not.toMatch(/Helvetica|Times-Roman/);
  });

  it('writes the metadata from the letter', () => {
    const raw = seedPdf.toString('latin1');
    expect(raw).toContain('(Seid Metinpur: Update No 3)');
    expect(raw).toContain('(metinpur, ohchr)');
    expect(raw).toContain('(appeal)');
    expect(raw).toContain('(D:20071223120000Z)');
  });

  it('is byte-identical across renders in one process', async () => {
    const again = await renderPdf(seedLetter(), options());
    expect(again.equals(seedPdf)).toBe(true);
    // and after rendering something else in between (caches warm)
    await renderPdf(longLetter(10), options());
    expect((await renderPdf(seedLetter(), options())).equals(seedPdf)).toBe(true);
  });

  it('is byte-identical in another process', async () => {
    const longPdf = await renderPdf(longLetter(60), options());
    // Build the module alone (not the whole project, which may be mid-edit) and render there.
    const out = join(ROOT, 'node_modules/.cache/appeal-pdf-test');
    rmSync(out, { recursive: true, force: true });
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = [
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--strict',
      '--skipLibCheck',
      '--types',
      'node',
    ];
    execFileSync(process.execPath, [tsc, ...args, '--rootDir', 'src', '--outDir', out, 'src/write/pdf/index.ts'], { cwd: ROOT });
    expect(existsSync(join(out, 'write/pdf/index.js'))).toBe(true);
    const dir = tempDir('appeal-pdf-');
    // There the long letter comes first, here the seed letter did: history must not matter.
    writeFileSync(join(dir, 'letters.json'), JSON.stringify([longLetter(60), seedLetter()]));
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { renderPdf, defaultFonts } from ${JSON.stringify(join(out, 'write/pdf/index.js'))};
      const letters = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'letters.json'))}, 'utf8'));
      for (const [k, l] of letters.entries())
        writeFileSync(${JSON.stringify(dir)} + '/' + k + '.pdf', await renderPdf(l, { page: 'A4', fonts: defaultFonts() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // Here pdfkit came from dist/vendor/pdfkit.cjs (scripts/build-pdf.mjs), there from node_modules.
    expect(bundledPdfkit()).toBeDefined();
    expect(readFileSync(join(dir, '1.pdf')).equals(seedPdf)).toBe(true);
    expect(readFileSync(join(dir, '0.pdf')).equals(longPdf)).toBe(true);
    // and importing the module (for defaultFonts, or the types) loads none of the heavy packages
    const probe = `
      import { createRequire } from 'node:module';
      const m = await import(${JSON.stringify(join(out, 'write/pdf/index.js'))});
      m.defaultFonts();
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => /node_modules.(pdfkit|fontkit|bidi-js)./.test(k));
      process.stdout.write(JSON.stringify(loaded));`;
    const p = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout)).toEqual([]);
  });

  it('loads a pdfkit bundle without fontkit, AES, png-js or linebreak', () => {
    const file = bundledPdfkit()!;
    const probe = `
      require(${JSON.stringify(file)});
      process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules/.test(k))));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const code = readFileSync(file, 'utf8');
    for (const left of ['fontkit is', 'PDF encryption is', 'PNG images are', 'line wrapping is'])
      expect(code).toContain(`${left} left out`);
  });

  it('escapes the XMP metadata and keeps it in step with the Info dictionary', async () => {
    const l = seedLetter();
    l.meta.title = 'Metinpur & others <update>';
    const buf = await renderPdf(l, options());
    const raw = buf.toString('utf8');
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'));
    expect(xmp).toContain('Metinpur &amp; others &lt;update&gt;');
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(xmp).toContain('<pdf:Keywords>metinpur, ohchr</pdf:Keywords>');
    expect(xmp).toContain('<xmp:ModifyDate>2007-12-23T12:00:00Z</xmp:ModifyDate>');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
    const md = await doc.getMetadata();
    expect((md.info as Record<string, unknown>).Title).toBe('Metinpur & others <update>');
    expect(md.metadata?.get('dc:title')).toBe('Metinpur & others <update>');
    await doc.destroy();
  });

  it('takes the US Letter size', async () => {
    const pages = await readPdf(await renderPdf(seedLetter(), options({ page: 'Letter' })));
    expect(pages[0]!.width).toBe(612);
  });
});

describe('a long letter', () => {
  const N = 60;
  let pages: Page[];
  beforeAll(async () => {
    pages = await readPdf(await renderPdf(longLetter(N), options()));
  });

  it('runs to several pages, each later one with the reference and "Page N of M"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const m = pages.length;
    pages.forEach((p, k) => {
      expect(p.text).toContain(`Page ${k + 1} of ${m}`);
      if (k > 0) {
        // the header: the reference, at the top of the page
        const ref = p.items.find((i) => i.str === '475/2007');
        expect(ref, `page ${k + 1} header`).toBeDefined();
        expect(ref!.y).toBeGreaterThan(Math.max(...p.items.filter((i) => i !== ref).map((i) => i.y)));
      }
    });
    expect(pages[0]!.items.some((i) => i.str === '475/2007')).toBe(false);
  });

  it('loses nothing: every item once, in order', () => {
    const all = pages.map((p) => p.text).join(' ');
    const found = [...all.matchAll(/Listed item (\d+) concerns/g)].map((m) => Number(m[1]));
    expect(found).toEqual(Array.from({ length: N }, (_, k) => k + 1));
  });

  it('keeps the closing together and a keep-with-next heading with what follows', () => {
    const last = pages[pages.length - 1]!.text;
    expect(last).toContain('Yours sincerely');
    expect(last).toContain('Boyuk Resuloglu');
    expect(last).toContain('Chairperson');
    const headingPage = pages.findIndex((p) => p.text.includes('Subject of the closing'));
    const after = pages[headingPage]!.items;
    const heading = after.find((i) => i.str.includes('Subject of the closing'))!;
    // something of the next paragraph follows it on the same page
    expect(after.some((i) => i.y < heading.y && i.str.includes('It is beyond doubt'))).toBe(true);
  });

  it('has no footer on a one-page letter', async () => {
    const one = await readPdf(await renderPdf(letter([para('Short.')]), options()));
    expect(one).toHaveLength(1);
    expect(one[0]!.text).not.toContain('Page 1');
  });

  it('moves a keep-with-next paragraph stranded at the foot of a page', async () => {
    // fill page one with items so that a heading falls at its foot, whatever the exact line count
    for (let n = 30; n <= 44; n++) {
      const l = letter([
        { type: 'list', ordered: false, items: Array.from({ length: n }, (_, k) => ({ marker: '•', text: `Filler ${k}` })) },
        para('HEADING LINE', { bold: true, keepWithNext: true }),
        para('First line of the body.\nSecond line of the body.'),
      ]);
      const ps = await readPdf(await renderPdf(l, options()));
      const hp = ps.findIndex((p) => p.text.includes('HEADING LINE'));
      const bp = ps.findIndex((p) => p.text.includes('First line of the body'));
      expect(hp, `n=${n}`).toBe(bp);
    }
  });
});

describe('checkCoverage', () => {
  it('refuses a character no font has, naming it and where it is', () => {
    const l = letter([para('Tamil: க and again க, and ச')]);
    let err: unknown;
    try {
      checkCoverage(l, options({ locate: (ch) => ({ file: 'cases/x.yaml', line: 3, col: 7, key: `text.${ch}` }) }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppealError);
    const problems = (err as AppealError).problems;
    expect(problems).toHaveLength(2); // de-duplicated, one per character
    expect(problems[0]!.message).toContain('U+0B95');
    expect(problems[0]!.message).toContain('க');
    expect(problems[0]!.message).toContain('pdf.fonts');
    expect(problems[0]!).toMatchObject({ file: 'cases/x.yaml', line: 3, col: 7, key: 'text.க' });
    expect(problems[1]!.message).toContain('U+0B9A');
  });

  it('refuses U+1F600 when the fonts lack it (DejaVu Sans has it; DejaVu Serif does not)', async () => {
    const serifOnly = options({ fonts: defaultFonts().slice(0, 1) });
    await expect(renderPdf(letter([para('Smile 😀')]), serifOnly)).rejects.toThrow(/U\+1F600/);
    await expect(renderPdf(letter([para('Smile 😀')]), options())).resolves.toBeInstanceOf(Buffer);
  });

  it('checks a letter once per set of fonts: a letter that passed with one set is checked again with another', () => {
    const smile = letter([para('Smile 😀')]);
    checkCoverage(smile, options());
    checkCoverage(smile, options()); // remembered: the same letter, the same fonts
    expect(() => checkCoverage(smile, options({ fonts: defaultFonts().slice(0, 1) }))).toThrow(/U\+1F600/);
  });

  it('checks the reference, list markers and letterhead too', () => {
    expect(() => checkCoverage(letter([para('ok')], 'ref க'), options())).toThrow(/U\+0B95/);
    expect(() => checkCoverage(letter([{ type: 'list', ordered: false, items: [{ marker: 'ச', text: 'x' }] }]), options())).toThrow(
      /U\+0B9A/,
    );
    expect(() => checkCoverage(letter([{ type: 'letterhead', lines: ['க'], contacts: [] }]), options())).toThrow(/U\+0B95/);
  });

  it('names a missing font file as a user error', () => {
    expect(() => checkCoverage(letter([para('x')]), options({ fonts: [{ name: 'Nope', regular: '/nonexistent/font.ttf' }] }))).toThrow(
      AppealError,
    );
  });
});
