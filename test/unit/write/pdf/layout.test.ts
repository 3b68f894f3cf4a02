/**
 * Lines once shaped and broken are kept (layout.ts brokenLines): a letter laid out after others
 * that share its lines, at other widths and in other styles, is laid out as it is on its own.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Letter } from '../../../../src/render/letter.js';
import { loadFaces } from '../../../../src/write/pdf/fonts.js';
import { defaultFonts } from '../../../../src/write/pdf/index.js';
import { geometry, layoutLetter } from '../../../../src/write/pdf/layout.js';

const LONG = 'The family of Mr. Ali Veli learnt of his arrest three days later, from a former detainee, and no lawyer was allowed in.';
const PERSIAN = 'خانواده آقای متین‌پور می‌گویند که او در زندان اوین است.';

const para = (text: string, o: { indent?: number; bold?: boolean; align?: 'left' | 'right' } = {}): Block => ({
  type: 'paragraph',
  lines: [{ indent: o.indent ?? 0, text, bold: o.bold ?? false }],
  align: o.align ?? 'left',
  keepWithNext: false,
});
const letter = (blocks: Block[]): Letter => ({
  meta: { reference: '1/2020', date: '2020-01-01', title: 't', author: 'a', keywords: [], language: 'en' },
  blocks,
});

describe('laid-out lines kept between letters', () => {
  it('lays a letter out the same before and after letters that share its lines', () => {
    const faces = loadFaces(defaultFonts());
    const geo = geometry('A4');
    const b = letter([
      para(LONG),
      para(PERSIAN),
      { type: 'list', ordered: true, items: [{ marker: '1.', text: LONG }] },
      para(LONG, { indent: 2 }),
    ]);
    const first = JSON.stringify(layoutLetter(b, geo, faces));
    // The same texts, narrower (indented), bold, in a list, and on a Letter page.
    layoutLetter(letter([para(LONG, { indent: 4 }), para(LONG, { bold: true }), para(PERSIAN, { indent: 1 })]), geo, faces);
    layoutLetter(
      letter([{ type: 'list', ordered: false, items: [{ marker: '•', text: PERSIAN }] }, para(LONG)]),
      geometry('Letter'),
      faces,
    );
    expect(JSON.stringify(layoutLetter(b, geo, faces))).toBe(first);
  });

  it('breaks the same text anew at another width', () => {
    const faces = loadFaces(defaultFonts());
    const geo = geometry('A4');
    const lines = (indent: number) =>
      layoutLetter(letter([para(LONG, { indent })]), geo, faces)[0]!.items.map((i) =>
        i.kind === 'text' ? i.runs.map((r) => r.text).join('') : '',
      );
    const wide = lines(0);
    const narrow = lines(12);
    expect(narrow[0]!.length).toBeLessThan(wide[0]!.length);
    expect(lines(0)).toEqual(wide);
  });

  it('draws the same text anew in another style', () => {
    const faces = loadFaces(defaultFonts());
    const fontOf = (bold: boolean) => {
      const item = layoutLetter(letter([para(LONG, { bold })]), geometry('A4'), faces)[0]!.items[0]!;
      return item.kind === 'text' ? item.runs[0]!.font : undefined;
    };
    const regular = fontOf(false);
    expect(fontOf(true)).not.toBe(regular);
    expect(fontOf(true)).toBe(faces[0]!.bold);
  });
});
