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
