/**
 * The letter markup: blocks, inline styles, the letterhead with contacts, and the escaping of
 * text from case files so that it is never read as markup.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Line, List, Paragraph } from '../../../src/render/letter.js';
import { escapeData, escapeDeep, parseInline, parseMarkup } from '../../../src/render/markup.js';

const lines = (text: string): Line[] => (parseMarkup(text)[0] as Paragraph).lines;
const line = (text: string): Line => lines(text)[0]!;

describe('inline styles', () => {
  it('reads *italic*, **bold** and ***bold italic***, and prints the words without the marks', () => {
    expect(line('an *italic* word')).toEqual({
      indent: 0,
      bold: false,
      text: 'an italic word',
      runs: [
        { text: 'an ', style: 'regular' },
        { text: 'italic', style: 'italic' },
        { text: ' word', style: 'regular' },
      ],
    });
    expect(parseInline('**bold** and ***both***')).toEqual([
      { text: 'bold', style: 'bold' },
      { text: ' and ', style: 'regular' },
      { text: 'both', style: 'boldItalic' },
    ]);
  });

  it('nests marks', () => {
    expect(parseInline('**bold *and italic* bold**')).toEqual([
      { text: 'bold ', style: 'bold' },
      { text: 'and italic', style: 'boldItalic' },
      { text: ' bold', style: 'bold' },
    ]);
    expect(parseInline('*it **bold it** it*')).toEqual([
      { text: 'it ', style: 'italic' },
      { text: 'bold it', style: 'boldItalic' },
      { text: ' it', style: 'italic' },
    ]);
  });

  it('prints stars that do not pair as they are', () => {
    for (const s of ['5 * 3 = 15', 'a lone *', '*not closed', 'not opened*', '* spaced *', '**a*', '****four****'])
      expect(parseInline(s), s).toEqual([{ text: s, style: 'regular' }]);
    expect(parseInline('\\*not italic\\*')).toEqual([{ text: '*not italic*', style: 'regular' }]);
  });

  it('reads a line without stars as one run of its printed text, as it reads any line', () => {
    // The line with a lone star after it goes the way of every styled line; the same text must come out.
    for (const base of ['regular', 'bold'] as const) {
      for (const s of [
        'Dear Sir or Madam,',
        'a \\ b',
        `Mr. ${escapeData('A - B # C \\ D')} said`,
        escapeData('x'),
        '',
        '  \t',
        'Əli ق\u064e',
      ]) {
        const printed = s.replace(/[\uE000\uE001]/g, '');
        expect(parseInline(s, base), s).toEqual(printed ? [{ text: printed, style: base }] : []);
        expect(parseInline(`${s} *`, base), s).toEqual([{ text: `${printed} *`, style: base }]);
      }
    }
  });

  it('keeps a line without styles as plain text (no runs)', () => {
    expect(line('Dear Sir or Madam,')).toEqual({ indent: 0, bold: false, text: 'Dear Sir or Madam,' });
    expect(line('# Seid Metinpur')).toEqual({ indent: 0, bold: true, text: 'Seid Metinpur' });
  });

  it('makes a `# ` line bold throughout, bold italic where it says italic', () => {
    expect(line('# The case of *Seid Metinpur*')).toEqual({
      indent: 0,
      bold: true,
      text: 'The case of Seid Metinpur',
      runs: [
        { text: 'The case of ', style: 'bold' },
        { text: 'Seid Metinpur', style: 'boldItalic' },
      ],
    });
  });

  it('styles list items, and `* ` at the start of a line is still a bullet', () => {
    const list = parseMarkup('* first *item*\n- second') as [List];
    expect(list[0].type).toBe('list');
    expect(list[0].items[0]).toEqual({
      marker: '•',
      text: 'first item',
      runs: [
        { text: 'first ', style: 'regular' },
        { text: 'item', style: 'italic' },
      ],
    });
    expect(list[0].items[1]).toEqual({ marker: '•', text: 'second' });
  });
});

describe('text from case files', () => {
  it('prints its stars: it is never read as an inline mark', () => {
    expect(line(`The source says ${escapeData('*urgent* and **now**')}.`)).toEqual({
      indent: 0,
      bold: false,
      text: 'The source says *urgent* and **now**.',
    });
    const list = parseMarkup(`- ${escapeData('*a* star')}`) as [List];
    expect(list[0].items[0]).toEqual({ marker: '•', text: '*a* star' });
  });

  it('takes the style of the template marks around it', () => {
    expect(line(`***${escapeData('Cooperation Platform of (South) Azerbaijani Political Parties')}***`)).toEqual({
      indent: 0,
      bold: false,
      text: 'Cooperation Platform of (South) Azerbaijani Political Parties',
      runs: [{ text: 'Cooperation Platform of (South) Azerbaijani Political Parties', style: 'boldItalic' }],
    });
    // a star in the data does not pair with a star of the template
    expect(line(`*${escapeData('a*')} b*`).runs).toEqual([{ text: 'a* b', style: 'italic' }]);
  });

  it('is still never read as line markup', () => {
    const blocks = parseMarkup(`${escapeData('- not a bullet')}\n${escapeData('# not bold')}\n${escapeData('---')}`);
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        align: 'left',
        keepWithNext: false,
        lines: [
          { indent: 0, bold: false, text: '- not a bullet' },
          { indent: 0, bold: false, text: '# not bold' },
          { indent: 0, bold: false, text: '---' },
        ],
      },
    ]);
  });
});

describe('blocks', () => {
  it('reads a letterhead with contact lines after `---`', () => {
    const blocks = parseMarkup(
      [
        '::: letterhead',
        'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması',
        'Cooperation Platform of Azerbaijani Political Parties',
        'پلتفرم همکاری سازمانهای سیاسی آذربایجان',
        '---',
        '1 Rue de la Paix, Geneva',
        `${escapeData('info@example.org')} · www.example.org`,
        ':::',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(blocks[0]).toEqual({
      type: 'letterhead',
      lines: [
        'Azərbaycan Siyasi Quruluşlarının Əməkdaşlıq Platforması',
        'Cooperation Platform of Azerbaijani Political Parties',
        'پلتفرم همکاری سازمانهای سیاسی آذربایجان',
      ],
      contacts: ['1 Rue de la Paix, Geneva', 'info@example.org · www.example.org'],
    });
    expect(parseMarkup('::: letterhead\nName\n:::')[0]).toEqual({ type: 'letterhead', lines: ['Name'], contacts: [] });
    // a "---" from data inside the letterhead is a line, not the separator
    expect(parseMarkup(`::: letterhead\n${escapeData('---')}\n:::`)[0]).toEqual({ type: 'letterhead', lines: ['---'], contacts: [] });
  });

  it('keeps `~` lines as empty lines in the closing', () => {
    const blocks = parseMarkup('::: keep\nYours sincerely,\n~\n~\nBoyuk Resuloglu\n:::') as [Block];
    expect(blocks[0]).toMatchObject({ type: 'keep' });
    const closing = (blocks[0] as { blocks: Paragraph[] }).blocks[0]!;
    expect(closing.lines.map((l) => l.text)).toEqual(['Yours sincerely,', '', '', 'Boyuk Resuloglu']);
  });
});

describe('text from data', () => {
  it('is marked as data, on one line, without marks of its own', () => {
    expect(escapeData('')).toBe('');
    expect(escapeData('plain')).toBe('\uE000plain\uE001');
    expect(escapeData('two  \n  lines\r\nand a third')).toBe('\uE000two lines and a third\uE001');
    expect(escapeData('a \uE001*b*\uE000 c')).toBe('\uE000a *b* c\uE001');
  });

  it('is marked in every string of a value, objects and arrays copied, other values as they are', () => {
    const value = { name: 'A', list: ['b', { deep: 'c\nd' }], n: 3, yes: true, none: undefined, empty: null };
    const escaped = escapeDeep(value);
    expect(escaped).toEqual({
      name: '\uE000A\uE001',
      list: ['\uE000b\uE001', { deep: '\uE000c d\uE001' }],
      n: 3,
      yes: true,
      none: undefined,
      empty: null,
    });
    expect(Object.keys(escaped)).toEqual(Object.keys(value));
    expect(escaped.list).not.toBe(value.list);
    expect(value.name).toBe('A');
  });
});
