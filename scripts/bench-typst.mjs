#!/usr/bin/env node
// The typst peer of `npm run bench --typst`: sets appeal's text letters as PDF with typst, through
// the npm package @myriaddreamin/typst-ts-node-compiler (installed by bench.mjs in a cache folder,
// never a dependency of appeal), in one process, one PDF per letter.
//
//   node scripts/bench-typst.mjs PREFIX IN OUT
//
// PREFIX is the folder the compiler was installed into (npm install --prefix PREFIX); IN a .txt
// letter or a folder of them (as appeal wrote them: wrapped at 72 columns); OUT the folder the PDFs
// are written to, one NAME.pdf per NAME.txt. Each letter is set by scripts/bench-typst.typ with
// DejaVu Serif and DejaVu Sans from the dejavu-fonts-ttf package (the fonts appeal uses), and no
// other font but typst's own, so that typst shapes the same characters as appeal.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [prefix, input, out] = process.argv.slice(2);
if (!out) throw new Error('usage: node scripts/bench-typst.mjs PREFIX IN OUT');
const here = dirname(fileURLToPath(import.meta.url));
const { NodeCompiler } = createRequire(join(prefix, 'package.json'))('@myriaddreamin/typst-ts-node-compiler');

const ttf = join(here, '..', 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const fontPaths = ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(ttf, f));
const template = readFileSync(join(here, 'bench-typst.typ'), 'utf8');
const compiler = NodeCompiler.create({ workspace: out, fontArgs: [{ fontPaths }] });

/** Width in columns, as appeal's text writer counts it: code points, combining marks none. */
const columns = (s) => [...s.normalize('NFC')].length - (s.normalize('NFC').match(/\p{M}/gu)?.length ?? 0);
const WIDTH = 72;

/**
 * A text letter as blocks (the paragraphs between blank lines, `gap` the blank lines before one)
 * of lines { indent, item, text }, a line wrapped by appeal joined again to the one before it: a
 * line was wrapped when the first word of the next would not have fitted on it (appeal wraps
 * greedily at spaces), and the next one is indented as its continuation.
 */
function blocks(txt) {
  const result = [];
  let gap = 0;
  let last; // the line before, as printed, and the indent a continuation of it has
  for (const line of txt.split('\n')) {
    if (!line.trim()) {
      gap++;
      last = undefined;
      continue;
    }
    const [, spaces, bullet, text] = /^( *)(• )?(.*)$/.exec(line);
    // appeal holds "Mr. Name" together with a no-break space, printed as a plain one
    const firstWord = /^\S{1,3}\. \S+|^\S*/.exec(text)[0];
    if (last && !bullet && spaces.length === last.hang && columns(last.line) + 1 + columns(firstWord) > WIDTH) {
      result.at(-1).lines.at(-1).text += ` ${text}`;
    } else {
      if (!last) result.push({ gap, lines: [] });
      result.at(-1).lines.push({ indent: spaces.length, item: !!bullet, text });
    }
    last = { line, hang: spaces.length + (bullet ? 2 : 0) };
    gap = 0;
  }
  // The subject (in bold in appeal's PDF) is the block before the greeting.
  const greeting = result.findIndex((b) => b.lines[0].text.startsWith('Dear '));
  if (greeting > 0) result[greeting - 1].strong = true;
  return result;
}

/** The blocks, and the running head of the pages after the first, as appeal prints it: "No.: 1/2020 · 1 February 2020". */
function parts(txt) {
  const b = blocks(txt);
  const first = (prefix) => b.find((x) => x.lines[0].text.startsWith(prefix))?.lines[0].text ?? '';
  return { head: [first('No.: '), first('Date: ').slice('Date: '.length)].filter(Boolean).join(' · '), blocks: b };
}

const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(input, f))
  : [input];
for (const file of files) {
  const letter = JSON.stringify(parts(readFileSync(file, 'utf8')));
  const pdf = compiler.pdf({ mainFileContent: template, inputs: { letter } });
  writeFileSync(join(out, basename(file).replace(/\.txt$/, '.pdf')), pdf);
  // typst keeps what it computed for later compilations; the package advises evicting it
  // periodically: a batch of 1,000 letters peaks at 200-230 MB with this, at 940 MB without.
  compiler.evictCache(10);
}
