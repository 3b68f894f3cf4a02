/**
 * The pieces of the PDF writer that need no PDF: bidi order, fontkit direction, font choice,
 * line breaking.
 */
import { describe, expect, it } from 'vitest';
import { fontkitRtl, lineBidi, reverseClusters, textForFontkit, visualOrder } from '../../src/write/pdf/bidi.js';
import { assignFaces, loadFaces } from '../../src/write/pdf/fonts.js';
import { defaultFonts } from '../../src/write/pdf/index.js';
import { breakLines, shape, visualLine } from '../../src/write/pdf/text.js';

describe('bidi', () => {
  it('orders runs by rule L2', () => {
    const runs = [
      { level: 1, t: 'a' },
      { level: 2, t: 'b' },
      { level: 2, t: 'c' },
      { level: 1, t: 'd' },
    ];
    expect(
      visualOrder(runs)
        .map((r) => r.t)
        .join(''),
    ).toBe('dbca');
    expect(
      visualOrder([
        { level: 0, t: 'x' },
        { level: 1, t: 'y' },
        { level: 1, t: 'z' },
        { level: 0, t: 'w' },
      ])
        .map((r) => r.t)
        .join(''),
    ).toBe('xzyw');
  });

  it('finds the base direction from the first strong letter', () => {
    expect(lineBidi('Hello سلام').baseLevel).toBe(0);
    expect(lineBidi('سلام Hello').baseLevel).toBe(1);
    expect(lineBidi('123 سلام').baseLevel).toBe(1);
    expect(lineBidi('Plain text').levels.every((l) => l === 0)).toBe(true);
  });

  it('mirrors brackets at odd levels', () => {
    const b = lineBidi('سلام (دنیا)');
    expect([...b.mirrors.values()].sort()).toEqual(['(', ')']);
  });

  it('knows which runs fontkit reverses, and hands it the rest reversed', () => {
    expect(fontkitRtl('سلام')).toBe(true);
    expect(fontkitRtl('۲۰۰۷')).toBe(true); // Persian digits are Arabic script
    expect(fontkitRtl('2007')).toBe(false);
    expect(fontkitRtl(' (OHCHR')).toBe(false);
    expect(textForFontkit('سلام', 1)).toBe('سلام');
    expect(textForFontkit('۲۳', 2)).toBe('۳۲');
    expect(textForFontkit(' )', 1)).toBe(') ');
    expect(textForFontkit('OHCHR', 2)).toBe('OHCHR');
    expect(reverseClusters('ab\u0301c')).toBe('cb\u0301a');
  });
});

describe('fonts and lines', () => {
  const faces = loadFaces(defaultFonts());

  it('gives Persian to DejaVu Sans and keeps spaces and digits with their neighbours', () => {
    const text = 'Ref 475 نامه شماره 12';
    const f = assignFaces(text, faces);
    expect(f[0]).toBe(0); // R: serif
    expect(f[3]).toBe(0); // space after Ref
    expect(f[text.indexOf('ن')]).toBe(1); // Persian: sans
    expect(f[text.length - 1]).toBe(1); // digits after Persian stay with it
  });

  it('breaks at spaces, and inside a word wider than the line', () => {
    const sh = shape('aaa bbb ccc https://example.org/a/very/long/path/that/does/not/fit/on/one/line', { size: 11, bold: false }, faces);
    const lines = breakLines(sh, () => 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const [a, b] of lines) expect(visualLine(sh, a, b).width).toBeLessThanOrEqual(100.01);
    // nothing lost, nothing doubled
    expect(
      lines
        .map(([a, b]) => sh.text.slice(a, b))
        .join('')
        .replace(/ /g, ''),
    ).toBe(sh.text.replace(/ /g, ''));
  });

  it('lays a Persian line out right to left', () => {
    const sh = shape('نامه شماره 475/2007 به OHCHR', { size: 11, bold: false }, faces);
    expect(sh.rtl).toBe(true);
    const vl = visualLine(sh, 0, sh.text.length);
    // left to right on the page: OHCHR, به, 475/2007, شماره نامه
    const texts = vl.runs.map((r) => r.text.trim()).filter((t) => t);
    expect(texts[0]).toBe('OHCHR');
    expect(texts[texts.length - 1]).toContain('نامه');
    expect(vl.runs.filter((r) => r.whole).length).toBeGreaterThan(0);
  });
});
