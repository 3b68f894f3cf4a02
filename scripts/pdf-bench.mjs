#!/usr/bin/env node
// Quick measurements of the PDF writer (src/write/pdf), on built JS.
//
//   node scripts/pdf-bench.mjs [many|one|variants] [--dist DIR]
//
//   many      200 two-page letters in one process: ms per letter (median of per-letter times)
//   one       a fresh process renders one letter, compared with `node -e 0` (medians of 7 runs)
//   variants  size and time per letter for tagged / untagged, PDF/A on / off; and whether the
//             bytes stay the same across two renders
//
// DIR defaults to ./dist (after `npm run build`).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const mode = args.find((a) => !a.startsWith('--')) ?? 'many';
const distIdx = args.indexOf('--dist');
const dist = resolve(distIdx >= 0 ? args[distIdx + 1] : join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../dist'));
const mod = (p) => import(pathToFileURL(join(dist, p)).href);

export function benchLetter(n = 0) {
  const P = (text, o = {}) => ({ type: 'paragraph', lines: [{ indent: o.indent ?? 0, text, bold: !!o.bold }], align: o.align ?? 'left', keepWithNext: !!o.kwn });
  const body =
    'It is beyond doubt that all these Southern Azerbaijani victims have been arbitrarily deprived of their liberty and suffered untold waves of torture. We are concerned with the health of each one of these victims.';
  return {
    meta: { reference: `${470 + n}/2007`, date: '2007-12-23', title: 'Seid Metinpur: Update No 3', author: 'Committee for the Defence of the Rights of World Azerbaijanis', keywords: ['metinpur'], language: 'en' },
    blocks: [
      { type: 'letterhead', lines: ['Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması', 'Cooperation Platform of Azerbaijani Political Parties', 'پلتفرم همکاری سازمانهای سیاسی آذربایجان'] },
      { type: 'rule' },
      P(`No.: ${470 + n}/2007`),
      P('Date: 23 December 2007', { align: 'right' }),
      P('The Office of High Commissioner for Human Rights, Geneva,'),
      P('Please circulate this Communication to the Special Representative of the Secretary-General on human rights defenders.', { indent: 4 }),
      { type: 'list', ordered: false, items: ['Special Rapporteur for the Right to Health', 'Special Rapporteur on the independence of judges and lawyers', 'The Working Group on Arbitrary Detention', 'The Independent Expert on Minority Issues'].map((t) => ({ marker: '•', text: t })) },
      P('Update No 3: Seid Metinpur', { bold: true, kwn: true }),
      ...Array.from({ length: 7 }, () => P(body)),
      P('نامه شماره 475/2007 به OHCHR (دفتر کمیساریای عالی) در تاریخ ۲۳ دسامبر ۲۰۰۷ ارسال شد.'),
      P('Сеид Метинпур, узник совести, и его брат Элирза находятся в тюрьме.'),
      { type: 'list', ordered: true, items: Array.from({ length: 6 }, (_, k) => ({ marker: `${k + 1}.`, text: body })) },
      { type: 'keep', blocks: [P('Yours sincerely,'), P('Boyuk Resuloglu'), P('Chairperson of the Committee for the Defence of the Rights of World Azerbaijanis')] },
    ],
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function many() {
  const { renderPdf, defaultFonts } = await mod('write/pdf/index.js');
  const opts = { page: 'A4', fonts: defaultFonts() };
  const t0 = performance.now();
  const first = await renderPdf(benchLetter(0), opts);
  const firstMs = performance.now() - t0;
  const times = [];
  const tAll = performance.now();
  for (let i = 1; i <= 200; i++) {
    const t = performance.now();
    await renderPdf(benchLetter(i), opts);
    times.push(performance.now() - t);
  }
  const total = performance.now() - tAll;
  console.log(`first letter (fonts parsed, modules loaded): ${firstMs.toFixed(1)} ms, ${first.length} bytes`);
  console.log(`200 letters: ${(total / 200).toFixed(2)} ms a letter on average, median ${median(times).toFixed(2)} ms`);
}

function one() {
  const script = `
    const { renderPdf, defaultFonts } = await import(${JSON.stringify(pathToFileURL(join(dist, 'write/pdf/index.js')).href)});
    const { benchLetter } = await import(${JSON.stringify(import.meta.url)});
    await renderPdf(benchLetter(0), { page: 'A4', fonts: defaultFonts() });`;
  const time = (argv) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`failed: ${argv.join(' ')}`);
    return performance.now() - t;
  };
  const base = [];
  const render = [];
  for (let i = 0; i < 7; i++) {
    base.push(time(['-e', '0']));
    render.push(time(['--input-type=module', '-e', script]));
  }
  const b = median(base);
  const r = median(render);
  console.log(`node -e 0: ${b.toFixed(0)} ms; fresh process, one two-page letter: ${r.toFixed(0)} ms (${(r / b).toFixed(2)}x)`);
}

async function variants() {
  const { defaultFonts } = await mod('write/pdf/index.js');
  const { loadFaces, forgetGlyphs } = await mod('write/pdf/fonts.js');
  const { layoutLetter, geometry, furniture } = await mod('write/pdf/layout.js');
  const { drawPdf } = await mod('write/pdf/draw.js');
  const faces = loadFaces(defaultFonts());
  const geo = geometry('A4');
  const render = (letter, tagged, pdfa) => {
    forgetGlyphs(faces);
    const pages = layoutLetter(letter, geo, faces);
    forgetGlyphs(faces);
    return drawPdf(pages, letter.meta, { page: 'A4', geometry: geo, furniture: (n, m) => furniture(letter.meta.reference, n, m, geo, faces), tagged, pdfa, creationDate: new Date('2007-12-23T12:00:00Z') });
  };
  await render(benchLetter(0), false, false); // warm up
  for (const [tagged, pdfa] of [[false, false], [true, false], [false, true], [true, true]]) {
    const times = [];
    let size = 0;
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      size = (await render(benchLetter(0), tagged, pdfa)).length;
      times.push(performance.now() - t);
    }
    const a = await render(benchLetter(0), tagged, pdfa);
    const b = await render(benchLetter(0), tagged, pdfa);
    console.log(`tagged=${tagged} pdfa=${pdfa}: ${size} bytes, median ${median(times).toFixed(2)} ms a letter, deterministic=${a.equals(b)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  if (mode === 'many') await many();
  else if (mode === 'one') one();
  else if (mode === 'variants') await variants();
  else throw new Error(`unknown mode ${mode}`);
}
