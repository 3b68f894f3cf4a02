/**
 * Page breaks inside a block never leave one line alone: not the first line of a paragraph or
 * list item at the foot of a page, nor its last line at the head of the next. (A list item
 * once broke 2 + 1 over two pages.)
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/render/letter.js';
import { loadFaces } from '../../src/write/pdf/fonts.js';
import { defaultFonts } from '../../src/write/pdf/index.js';
import { geometry, layoutLetter, type PlacedText } from '../../src/write/pdf/layout.js';

/** A block of text whose every word says which block it belongs to: "b7w1 b7w2 ...". */
const words = (block: number, n: number) => Array.from({ length: n }, (_, k) => `b${block}w${k}`).join(' ');

describe('pagination', () => {
  it('never strands a single line of a paragraph or list item, whatever comes before it', () => {
    const faces = loadFaces(defaultFonts());
    const geo = geometry('A4');
    let breaksChecked = 0;
    for (let filler = 0; filler < 48; filler++) {
      const blocks: Block[] = [];
      for (let i = 0; i < filler; i++)
        blocks.push({ type: 'paragraph', lines: [{ indent: 0, text: `Filler ${i}.`, bold: false }], align: 'left', keepWithNext: false });
      blocks.push({
        type: 'list',
        ordered: false,
        items: Array.from({ length: 8 }, (_, i) => ({ marker: '•', text: words(100 + i, 18 + 2 * i) })),
      });
      for (let i = 0; i < 4; i++)
        blocks.push({
          type: 'paragraph',
          lines: [{ indent: 0, text: words(200 + i, 40), bold: false }],
          align: 'left',
          keepWithNext: false,
        });
      const letter = { meta: { reference: '1/2020', date: '2020-01-01', title: 't', author: 'a', keywords: [], language: 'en' }, blocks };
      const pages = layoutLetter(letter, geo, faces);
      // The block each line of each page belongs to.
      const blockOf = (t: PlacedText) => /b(\d+)w/.exec(t.runs.map((r) => r.text).join(''))?.[1];
      const linesOn = pages.map((p) =>
        p.items
          .filter((i): i is PlacedText => i.kind === 'text')
          .map(blockOf)
          .filter((b): b is string => b !== undefined),
      );
      for (let p = 0; p + 1 < pages.length; p++) {
        const last = linesOn[p]!.at(-1);
        const first = linesOn[p + 1]![0];
        if (last === undefined || last !== first) continue;
        breaksChecked++;
        const before = linesOn[p]!.filter((b) => b === last).length;
        const after = linesOn[p + 1]!.filter((b) => b === last).length;
        expect(before, `filler ${filler}: block ${last} leaves one line at the foot of page ${p + 1}`).toBeGreaterThanOrEqual(2);
        expect(after, `filler ${filler}: block ${last} carries one line to the head of page ${p + 2}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(breaksChecked).toBeGreaterThan(5); // the test did see blocks broken over pages
  });
});
