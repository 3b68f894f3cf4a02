/**
 * Bidirectional text for the PDF: embedding levels, the order of runs (rule L2), mirrored brackets,
 * and the direction a run is shaped in.
 */
import { describe, expect, it } from 'vitest';
import { shapedRtl, lineBidi, reverseClusters, textForShaping, visualOrder } from '../../../../src/write/pdf/bidi.js';

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

  it('knows which runs are shaped right to left, and reverses the rest where their level needs it', () => {
    expect(shapedRtl('سلام')).toBe(true);
    expect(shapedRtl('۲۰۰۷')).toBe(true); // Persian digits are Arabic script
    expect(shapedRtl('2007')).toBe(false);
    expect(shapedRtl(' (OHCHR')).toBe(false);
    expect(textForShaping('سلام', 1)).toBe('سلام');
    expect(textForShaping('۲۳', 2)).toBe('۳۲');
    expect(textForShaping(' )', 1)).toBe(') ');
    expect(textForShaping('OHCHR', 2)).toBe('OHCHR');
    expect(reverseClusters('ab\u0301c')).toBe('cb\u0301a');
  });

  it('splits a mixed line into runs of one level, drawn in visual order', () => {
    const text = 'نامه 475/2007 به OHCHR';
    const b = lineBidi(text);
    expect(b.baseLevel).toBe(1);
    // runs of equal level, in logical order
    const runs: { level: number; text: string }[] = [];
    for (let i = 0; i < text.length; i++) {
      const last = runs.at(-1);
      if (last && last.level === b.levels[i]) last.text += text[i];
      else runs.push({ level: b.levels[i]!, text: text[i]! });
    }
    expect(runs.map((r) => [r.level, r.text.trim()])).toEqual([
      [1, 'نامه'],
      [2, '475/2007'],
      [1, 'به'],
      [2, 'OHCHR'],
    ]);
    // left to right on the page: OHCHR, به, 475/2007, نامه
    expect(visualOrder(runs).map((r) => r.text.trim())).toEqual(['OHCHR', 'به', '475/2007', 'نامه']);
  });
});
