/**
 * The text writer: wrapping (no-break spaces, URLs and e-mail addresses), and whole letters.
 */
import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../src/render/letter.js';
import { parseMarkup } from '../../../src/render/markup.js';
import { columns, isAddress, renderText, wrap } from '../../../src/write/text.js';

const meta = { reference: '475/2007', date: '2007-12-23', title: 't', author: 'a', keywords: [], language: 'en' };

describe('wrap', () => {
  it('fills lines greedily up to the width', () => {
    expect(wrap('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrap('  aaa   bbb\nccc ', 20)).toEqual(['aaa bbb ccc']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('never breaks at a no-break space, and prints it as a space', () => {
    // "23 December 2007" would break after "23" at width 12 with ordinary spaces
    const text = 'Date of the letter: 23\u00a0December\u00a02007, Ref.\u202f475/2007';
    const got = wrap(text, 24);
    expect(got).toEqual(['Date of the letter:', '23 December 2007,', 'Ref. 475/2007']);
    expect(wrap('Mr.\u00a0Seid Metinpur and Mrs.\u00a0Etiyye Metinpur', 16)).toEqual([
      'Mr. Seid',
      'Metinpur and',
      'Mrs. Etiyye',
      'Metinpur',
    ]);
    for (const l of wrap(text, 24)) expect(l).not.toMatch(/[\u00a0\u202f]/);
  });

  it('puts a URL longer than the line on a line of its own, unbroken', () => {
    const url = 'https://www.ohchr.org/en/special-procedures/sr-human-rights-defenders/communications?query=value';
    const got = wrap(`The report is published at ${url} since Monday.`, 40);
    expect(got).toEqual(['The report is published at', url, 'since Monday.']);
  });

  it('never breaks an e-mail address or a www. address, with brackets or punctuation around it', () => {
    const mail = 'urgent-appeals.special-procedures@ohchr.example.org';
    expect(wrap(`Write to (${mail}).`, 30)).toEqual(['Write to', `(${mail}).`]);
    expect(wrap('See www.example.org/a/long/path/for/the/report/2007 now', 20)).toEqual([
      'See',
      'www.example.org/a/long/path/for/the/report/2007',
      'now',
    ]);
    // a short one wraps like any word
    expect(wrap('write to info@example.org today', 20)).toEqual(['write to', 'info@example.org', 'today']);
  });

  it('still cuts other words longer than the line', () => {
    expect(wrap('x '.concat('a'.repeat(25)), 10)).toEqual(['x aaaaaaaa', 'aaaaaaaaaa', 'aaaaaaa']);
  });

  it('knows addresses', () => {
    for (const w of ['https://x.org', 'http://a', '(https://x.org/a).', 'www.ohchr.org', 'a.b@c.org', 'mailto:x@y.z', 'ftp://h/p'])
      expect(isAddress(w), w).toBe(true);
    for (const w of ['475/2007', 'and/or', 'e.g.', '@home', 'me@home', 'Metinpur-s', 'www']) expect(isAddress(w), w).toBe(false);
  });

  it('counts columns by characters, not UTF-16 units or combining marks', () => {
    expect(columns('Əli')).toBe(3);
    expect(columns('e\u0301')).toBe(1);
    expect(columns('😀')).toBe(1);
    expect(columns('a😀\u0301b')).toBe(3);
    // Lone surrogates count one each, as a string iterator yields them.
    expect(columns('\ud800\ud83d\ude00\ude00')).toBe(3);
    expect(columns('ق\u064eل\u0651ب')).toBe(3);
  });

  it('wraps and counts as the plain definitions do, on texts of every script', () => {
    // The definitions, written for clarity: the line measured again for each word, and each
    // character tested on its own. The writer keeps widths as it goes; it must agree with them.
    const plainColumns = (s: string) => {
      let n = 0;
      for (const ch of s.normalize('NFC')) if (!/\p{M}/u.test(ch)) n++;
      return n;
    };
    const plainWrap = (text: string, width: number) => {
      const lines: string[] = [];
      let cur = '';
      for (let word of text.split(/[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/).filter(Boolean)) {
        if (isAddress(word) && plainColumns(word) > width) {
          if (cur) lines.push(cur);
          lines.push(word);
          cur = '';
          continue;
        }
        while (plainColumns(word) > width) {
          const room = cur ? width - plainColumns(cur) - 1 : width;
          if (room < 8) {
            lines.push(cur);
            cur = '';
            continue;
          }
          const chars = [...word];
          lines.push(cur ? `${cur} ${chars.slice(0, room).join('')}` : chars.slice(0, room).join(''));
          cur = '';
          word = chars.slice(room).join('');
        }
        if (!cur) cur = word;
        else if (plainColumns(cur) + 1 + plainColumns(word) <= width) cur += ` ${word}`;
        else {
          lines.push(cur);
          cur = word;
        }
      }
      if (cur || lines.length === 0) lines.push(cur);
      return lines.map((l) => l.replace(/[\u00a0\u202f]/g, ' '));
    };
    const pieces = [
      'a',
      'word',
      'Əli',
      'Cənab',
      'həbs',
      'Семья',
      'сообщила',
      'خانواده',
      'می\u200cگویند',
      'ق\u064eل\u0651ب',
      'e\u0301',
      'A\u030a',
      '\u212b',
      '😀',
      'x😀\u0301',
      '\ud800',
      '\u1100\u1161',
      'Mr.\u00a0Ali',
      '23\u00a0December\u00a02007',
      'Ref.\u202f475/2007',
      'https://www.ohchr.org/en/special-procedures/communications',
      'info@example.org',
      'a'.repeat(30),
      'ə'.repeat(45),
      ' ',
      '  ',
      '\n',
      '\t',
      '\u2003',
      '\u00a0',
    ];
    let seed = 12;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 600; round++) {
      const parts = Array.from({ length: 1 + random(40) }, () => pieces[random(pieces.length)]!);
      const text = parts.join(random(3) ? ' ' : '');
      const width = 10 + random(70);
      expect(columns(text), text).toBe(plainColumns(text));
      expect(wrap(text, width), `${width}: ${text}`).toEqual(plainWrap(text, width));
    }
  });
});

describe('renderText', () => {
  it('prints styled words without their marks', () => {
    const letter: Letter = { meta, blocks: parseMarkup('We, the ***Cooperation Platform***, ask *you* to act **now**.') };
    expect(renderText(letter, 72)).toBe('We, the Cooperation Platform, ask you to act now.\n');
  });

  it('sets the letterhead centred, a rule between the name and the contact lines', () => {
    const letter: Letter = {
      meta,
      blocks: parseMarkup('::: letterhead\nCommittee for Rights\n---\n1 Rue de la Paix, Geneva\ninfo@example.org\n:::'),
    };
    expect(renderText(letter, 40)).toBe(
      [
        '          Committee for Rights',
        '        ------------------------',
        '        1 Rue de la Paix, Geneva',
        '            info@example.org',
        '',
      ].join('\n'),
    );
  });
});
