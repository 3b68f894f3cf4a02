/**
 * Line breaking, with made-up widths: every UTF-16 unit is 1 point wide, so a line of width w
 * holds w characters, spaces included.
 */
import { describe, expect, it } from 'vitest';
import { breakLines, isBreakingSpace } from '../../../../src/write/pdf/linebreak.js';

const unit = (a: number, b: number): number => b - a;
const lines = (text: string, width: number): string[] => breakLines(text, unit, () => width).map(([a, b]) => text.slice(a, b));

describe('breakLines', () => {
  it('fills each line greedily and breaks at spaces, trailing spaces staying in the range', () => {
    expect(lines('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(lines('aaa bbb ccc ddd', 8)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(lines('aaa bbb ccc ddd', 11)).toEqual(['aaa bbb ccc', 'ddd']);
  });

  it('gives one empty range for empty text', () => {
    expect(breakLines('', unit, () => 10)).toEqual([[0, 0]]);
  });

  it('keeps the leading spaces of the first line only', () => {
    expect(lines('  aaa bbb', 6)).toEqual(['  aaa', 'bbb']);
    // leading spaces that leave no room for the first word are dropped
    expect(lines('    aaaaa', 6)).toEqual(['aaaaa']);
  });

  it('never breaks at a no-break space (U+00A0) or a narrow no-break space (U+202F)', () => {
    expect(isBreakingSpace('\u00a0')).toBe(false);
    expect(isBreakingSpace('\u202f')).toBe(false);
    expect(isBreakingSpace(' ')).toBe(true);
    expect(isBreakingSpace('\u2009')).toBe(true); // thin space breaks
    expect(lines('on 23\u00a0December\u00a02007 we wrote', 17)).toEqual(['on', '23\u00a0December\u00a02007', 'we wrote']);
    expect(lines('Ref.\u202f475/2007 of', 13)).toEqual(['Ref.\u202f475/2007', 'of']);
  });

  it('cuts a word wider than the line, after URL punctuation when that keeps 60% of the line', () => {
    const url = 'https://example.org/abc/defghijkl';
    const got = lines(url, 12);
    expect(got.join('')).toBe(url);
    for (const l of got) expect(l.length).toBeLessThanOrEqual(12);
    expect(got[0]).toBe('https://'); // 8 of 12: after "/", which keeps more than 60%
    expect(got[1]).toBe('example.org/');
  });

  it('cuts between any two characters when no punctuation keeps 60% of the line', () => {
    expect(lines('abcdefghijklmnop', 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  it('never cuts inside a grapheme cluster', () => {
    const text = 'e\u0301'.repeat(6); // six "é" written as e + combining acute
    const got = lines(text, 3);
    for (const l of got) expect(l.startsWith('\u0301')).toBe(false);
    expect(got.join('')).toBe(text);
  });

  it('gives each line its own width', () => {
    const widths = [3, 7, 100];
    const got = breakLines('aaa bbb ccc ddd eee', unit, (n) => widths[Math.min(n, 2)]!);
    expect(got.map(([a, b]) => 'aaa bbb ccc ddd eee'.slice(a, b))).toEqual(['aaa', 'bbb ccc', 'ddd eee']);
  });
});
