/**
 * The pieces of the PDF writer that need no PDF but the real fonts: font choice, shaping and
 * line breaking with DejaVu. (Bidi, line breaking and font choice alone: test/unit/write/pdf/.)
 */
import { describe, expect, it } from 'vitest';
import { assignFaces } from '../../src/write/pdf/fontchoice.js';
import { loadFaces } from '../../src/write/pdf/fonts.js';
import { defaultFonts } from '../../src/write/pdf/index.js';
import { breakShaped, shape, visualLine } from '../../src/write/pdf/shape.js';

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
    const sh = shape('aaa bbb ccc https://example.org/a/very/long/path/that/does/not/fit/on/one/line', 11, faces);
    const lines = breakShaped(sh, () => 100);
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
    const sh = shape('نامه شماره 475/2007 به OHCHR', 11, faces);
    expect(sh.rtl).toBe(true);
    const vl = visualLine(sh, 0, sh.text.length);
    // left to right on the page: OHCHR, به, 475/2007, شماره نامه
    const texts = vl.runs.map((r) => r.text.trim()).filter((t) => t);
    expect(texts[0]).toBe('OHCHR');
    expect(texts[texts.length - 1]).toContain('نامه');
    expect(vl.runs.filter((r) => r.whole).length).toBeGreaterThan(0);
  });
});
