/**
 * PDF letters through the CLI, as a user makes them: read back with pdfjs-dist, compared with
 * the text letter, rendered twice, long, and with a character no font has.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, CLI, config, read, snapshot, tempDir, workspace } from './helpers.js';
import { clean, expectWords, readPdf, words } from './pdf-read.js';

const AZ = 'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması';
const EN = 'Cooperation Platform of Azerbaijani Political Parties';
const FA = 'پلتفرم همکاری سازمانهای سیاسی آذربایجان';
const AZ_EVENT = 'Cənab Seyid Metinpurun ailəsi İranın həbsxanalarında ağır şəraitdən şikayət edir.';
const RU_EVENT = 'Семья сообщила, что его перевели в тюрьму Эвин без объяснения причин.';

function scriptsWorkspace(extra: Record<string, string> = {}): string {
  return workspace({
    'appeal.yaml': config({
      organisation: `organisation:\n  name: ${EN}\n  letterhead:\n    - ${AZ}\n    - ${EN}\n    - ${FA}\n`,
      output: 'output:\n  dir: out\n  formats: [txt, pdf]\n',
    }),
    'cases/metinpur.yaml': [
      'person:',
      '  name: Seid Metinpur',
      '  honorific: Mr.',
      '  status: detained',
      'headline: A Southern Azerbaijani prisoner of conscience',
      'persecutor: Iranian authorities',
      'concerns: [human-rights-defenders, health]',
      'events:',
      '  - date: 2007-12-17',
      `    text: ${AZ_EVENT}`,
      '    source: Haqqimiz',
      '  - date: 2007-12-18',
      `    text: ${RU_EVENT}`,
      '    source: Haqqimiz',
      '',
    ].join('\n'),
    ...extra,
  });
}

const issue = (dir: string, ...more: string[]) =>
  appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--json', ...more);

describe('a PDF letter in Azerbaijani, English, Persian and Russian', () => {
  it('reads back with every word, the Persian letterhead line in order, fonts embedded and subset, small', async () => {
    const dir = scriptsWorkspace();
    const r = issue(dir);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const pdfPath = out.files.find((f: { path: string }) => f.path.endsWith('.pdf')).path;
    expect(pdfPath).toBe('out/2007/1-metinpur-communication.pdf');
    const bytes = readFileSync(join(dir, pdfPath));
    expect(bytes.length).toBeLessThan(80_000);
    // The register holds the SHA-256 of the PDF as written.
    expect(read(dir, 'register/1.yaml')).toContain(snapshot(dir)[pdfPath]);

    const pages = await readPdf(bytes);
    const all = pages.map((p) => p.text).join(' ');
    for (const s of [AZ, EN, FA, AZ_EVENT, RU_EVENT, 'No.: 1/2007', 'Seid Metinpur']) expectWords(all, s);
    // The Persian line reads as one line, its words in order.
    expect(clean(pages[0]!.text)).toContain(clean(FA));

    // Every font is embedded (FontFile2) and subset (ABCDEF+Name).
    const raw = bytes.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(raw.match(/\/FontFile2/g)?.length).toBe(new Set(fonts).size);
    expect(raw).not.toMatch(/\/BaseFont\s*\/(?![A-Z]{6}\+)/);
  });

  it('the text and the PDF carry the same words', async () => {
    const dir = scriptsWorkspace();
    const out = JSON.parse(issue(dir).stdout);
    const txt = read(dir, out.files[0].path);
    const pdf = (await readPdf(readFileSync(join(dir, out.files[1].path)))).map((p) => p.text.replace(/Page \d+ of \d+/g, '')).join(' ');
    const count = (list: string[]) => list.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const fromText = count(words(txt));
    const fromPdf = count(words(pdf));
    for (const [w, n] of fromText) if (!/^\d+$/.test(w)) expect(fromPdf.get(w) ?? 0, `"${w}"`).toBeGreaterThanOrEqual(n);
    expect(words(pdf).length).toBeGreaterThan(100);
  });

  it('has its metadata: title the subject, author the organisation, subject the reference, keywords the case', async () => {
    const dir = scriptsWorkspace();
    const out = JSON.parse(issue(dir, '--format', 'pdf').stdout);
    expect(out.files).toHaveLength(1);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({
      data: new Uint8Array(readFileSync(join(dir, out.files[0].path))),
      useSystemFonts: false,
      isEvalSupported: false,
    }).promise;
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
    expect(info.Title).toBe('Seid Metinpur: A Southern Azerbaijani prisoner of conscience');
    expect(info.Author).toBe(EN);
    expect(info.Subject).toBe('1/2007');
    expect(info.Keywords).toBe('metinpur');
    await doc.destroy();
  });

  it('is the same bytes from two workspaces, in two processes', () => {
    const a = scriptsWorkspace();
    const b = scriptsWorkspace();
    const outA = JSON.parse(issue(a).stdout);
    const outB = JSON.parse(issue(b).stdout);
    expect(outA.files).toEqual(outB.files);
    expect(readFileSync(join(a, outA.files[1].path)).equals(readFileSync(join(b, outB.files[1].path)))).toBe(true);
  });
});

describe('a long letter', () => {
  it('runs to several pages, each later one with the reference and its number, nothing lost', async () => {
    const events: [string, string][] = Array.from({ length: 70 }, (_, i) => [
      `2007-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      `Event number E${i} of the case was reported by the family, who were not allowed to see him for many weeks.`,
    ]);
    const dir = workspace({
      'appeal.yaml': config({ output: 'output:\n  formats: [pdf]\n' }),
      'cases/a.yaml': caseFile('Long Case', events),
    });
    const out = JSON.parse(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--json').stdout);
    const pages = await readPdf(readFileSync(join(dir, out.files[0].path)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Pages after the first are headed with the reference, the date and the page; page 1 is not.
    pages.forEach((p, i) => {
      const head = `No.: 1/2007 · 23 December 2007 · page ${i + 1} of ${pages.length}`;
      if (i === 0) expect(p.text).not.toContain('· page');
      else expect(p.text).toContain(head);
    });
    const all = pages.map((p) => p.text).join(' ');
    for (let i = 0; i < 70; i++) expect(all).toContain(`E${i} `);
    expect(pages[pages.length - 1]!.text).toContain('A. Tester');
  });
});

describe('typography through the CLI', () => {
  it('leaves room to sign, prints stars from a case as stars, and keeps a long URL and an e-mail whole in the text', async () => {
    const url = 'https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders/communications/2007/metinpur-update';
    const dir = workspace({
      'appeal.yaml': config({ output: 'output:\n  dir: out\n  formats: [txt, pdf]\n' }),
      'cases/a.yaml': caseFile('Stars Case', [
        ['2007-12-17', `The *family* wrote; the report is at ${url} and the family writes from family.of.the.prisoner@example.org now.`],
      ]),
    });
    const out = JSON.parse(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--json').stdout);
    const txt = read(dir, out.files[0].path);
    // in the list item, under its hanging indent: the URL alone on its line, the e-mail address whole
    const lines = txt.split('\n').map((l) => l.trim());
    expect(lines).toContain(url);
    expect(lines.some((l) => l.includes('family.of.the.prisoner@example.org'))).toBe(true);
    expect(txt).toContain('The *family* wrote');
    const pages = await readPdf(readFileSync(join(dir, out.files[1].path)));
    const last = pages.at(-1)!;
    expect(pages.map((p) => p.text).join(' ')).toContain('The *family* wrote');
    const closing = last.items.find((i) => i.str === 'Yours sincerely,')!;
    const name = last.items.find((i) => i.str === 'A. Tester')!;
    // clear space from the closing's descender (0.236 em) to the name's capitals (0.729 em), 11 pt
    expect(closing.y - 0.236 * 11 - (name.y + 0.729 * 11)).toBeGreaterThanOrEqual(20 * (72 / 25.4));
  });
});

describe('fonts', () => {
  it('a character no font has is refused: file, line, key, U+ code; nothing written', () => {
    const dir = workspace({
      'appeal.yaml': config({ output: 'output:\n  formats: [txt, pdf]\n' }),
      'cases/a.yaml': caseFile('Kumar', [['2007-12-01', 'He wrote க on the wall.']]),
    });
    const before = snapshot(dir);
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cases\/a\.yaml:10:11: events\.0\.text: the character U\+0B95 "க" is in none of the PDF fonts/);
    expect(snapshot(dir)).toEqual(before);
    // The same letter as text alone is fine.
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--format', 'txt').code).toBe(0);
  });

  it("a workspace's own font is used first, DejaVu behind it; a missing font file is an error at its key", async () => {
    const require = createRequire(import.meta.url);
    const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSansMono.ttf');
    const dir = workspace({
      'appeal.yaml':
        config({ output: 'output:\n  formats: [pdf]\n' }) +
        'pdf:\n  page: Letter\n  fonts:\n    - name: Our Mono\n      regular: fonts/OurMono.ttf\n',
      'cases/a.yaml': caseFile('Mono Case', [['2007-12-01', 'Arrested; the sign ℵ.']]),
    });
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(ttf, join(dir, 'fonts/OurMono.ttf'));
    const out = JSON.parse(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--json').stdout);
    const bytes = readFileSync(join(dir, out.files[0].path));
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+DejaVuSansMono/);
    expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+DejaVuSans\b/); // ℵ from the fallback: neither Mono nor Serif has it
    expect(raw).toMatch(/\/MediaBox \[0 0 612 792\]/); // Letter
    const pages = await readPdf(bytes);
    expectWords(pages[0]!.text, 'Arrested the sign ℵ');

    writeFileSync(join(dir, 'appeal.yaml'), read(dir, 'appeal.yaml').replace('fonts/OurMono.ttf', 'fonts/Missing.ttf'));
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-24', '--kind', 'communication', '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^appeal\.yaml:\d+:\d+: pdf\.fonts\.0\.regular: there is no font file .*Missing\.ttf/);
  });
});

describe('start-up', () => {
  it('pdfkit and the fonts are loaded only when a PDF is written, fontkit never; a dry run reads only the fonts', () => {
    const dir = scriptsWorkspace();
    const log = join(tempDir(), 'loaded.txt');
    const hook = join(tempDir(), 'hook.cjs');
    writeFileSync(
      hook,
      `const M = require('module'); const fs = require('fs'); const load = M._load;
       M._load = function (request, ...rest) { const m = /(?:^|[\\\\/])(pdfkit|fontkit|bidi-js)(?:\\.cjs)?$/.exec(request); if (m) fs.appendFileSync(${JSON.stringify(log)}, m[1] + '\\n'); return load.call(this, request, ...rest); };
       const open = fs.openSync; fs.openSync = function (p, ...rest) { if (String(p).endsWith('.ttf')) fs.appendFileSync(${JSON.stringify(log)}, 'font\\n'); return open.call(this, p, ...rest); };
       // pdfkit's bundle (dist/vendor/pdfkit.cjs) is read and compiled by appeal's own loader (src/cli/start.ts).
       const read = fs.readFileSync; fs.readFileSync = function (p, ...rest) { if (/[\\\\/]pdfkit\\.cjs$/.test(String(p))) fs.appendFileSync(${JSON.stringify(log)}, 'pdfkit\\n'); return read.call(this, p, ...rest); };`,
    );
    const env = { ...process.env, NODE_OPTIONS: `--require ${hook}` };
    const cli = CLI;
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
    for (const args of [
      ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--format', 'txt'],
      ['validate'],
      ['log'],
    ]) {
      const r = run(...args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(() => readFileSync(log, 'utf8')).toThrow();
    // A dry run of a PDF checks every character against the fonts' cmaps: it reads the font
    // files, never fontkit or pdfkit.
    const dry = run(
      ...['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-24', '--kind', 'communication'],
      '--format',
      'txt,pdf',
      '--dry-run',
    );
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(expect.arrayContaining(['font']));
    expect(readFileSync(log, 'utf8')).not.toMatch(/pdfkit|fontkit|bidi-js/);
    expect(
      run('new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-24', '--format', 'pdf', '--kind', 'communication')
        .status,
    ).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/pdfkit/);
    // Writing a PDF in DejaVu (TrueType) needs no fontkit: HarfBuzz shapes, font.ts reads the tables.
    expect(readFileSync(log, 'utf8')).not.toMatch(/fontkit/);
  });
});
