/**
 * One logical line of text (a Line, a list item, a letterhead line): measuring, breaking it into
 * lines that fit a width, and turning each broken line into runs to draw left to right, each with
 * one font, one direction and its width.
 *
 * Line breaking is ours (pdfkit wraps before any bidi step): breaks at spaces; a word wider than
 * the line (a URL) is cut, preferably after / - . ? & = _ #, else between any two characters.
 */
import type { Font } from 'fontkit';
import { fontkitRtl, lineBidi, textForFontkit, visualOrder, type LineBidi } from './bidi.js';
import { advanceEm, assignFaces, fontFor, isBidiControl, isIgnorable, wordsAdvanceEm, type LoadedFace } from './fonts.js';

export interface Style {
  size: number;
  bold: boolean;
}

export interface ShapedText {
  text: string;
  style: Style;
  bidi: LineBidi;
  faces: Int16Array;
  loaded: LoadedFace[];
  /** True when the line's base direction is right to left. */
  rtl: boolean;
}

export interface DrawRun {
  /** The string to hand pdfkit (mirrored, and reversed where fontkit would get the direction wrong). */
  text: string;
  font: Font;
  size: number;
  /** Offset from the left end of the line. */
  x: number;
  width: number;
  /**
   * Lay the run out whole (pdfkit `features: []`): needed when fontkit will lay it out right to
   * left, since pdfkit's default, word by word, would put the words in left-to-right order.
   * Other runs are drawn word by word, which lets the shaping of each word be cached.
   */
  whole: boolean;
}

export interface VisualLine {
  runs: DrawRun[];
  width: number;
}

export type Range = [start: number, end: number];

export function shape(raw: string, style: Style, loaded: LoadedFace[]): ShapedText {
  const text = raw
    .replace(/\t/g, '    ')
    .replace(/[\r\n]/g, ' ')
    .normalize('NFC');
  const bidi = lineBidi(text);
  return { text, style, bidi, faces: assignFaces(text, loaded), loaded, rtl: bidi.baseLevel % 2 === 1 };
}

/** `sub` without the characters we never draw (ZWJ/ZWNJ stay when the font has them). */
function drawable(sub: string, font: Font): string {
  let out = '';
  for (const ch of sub) {
    const cp = ch.codePointAt(0)!;
    if (isIgnorable(cp) && !((cp === 0x200c || cp === 0x200d) && font.hasGlyphForCodePoint(cp))) continue;
    out += ch;
  }
  return out;
}

/** Width of text[a, b) in points, measured per face. */
export function measure(sh: ShapedText, a: number, b: number): number {
  let w = 0;
  let i = a;
  while (i < b) {
    const f = sh.faces[i]!;
    let j = i + 1;
    while (j < b && sh.faces[j] === f) j++;
    const sub = sh.text.slice(i, j);
    const face = sh.loaded[Math.max(f, 0)]!;
    const font = fontFor(face, sh.style.bold, sub);
    const d = drawable(sub, font);
    if (d) w += advanceEm(font, d) * sh.style.size;
    i = j;
  }
  return w;
}

// Breakable spaces: U+0020, the fixed-width spaces U+2000–U+200A except U+2007 (figure space), U+205F,
// U+3000. Not U+00A0 or U+202F (no-break).
const SPACE = /[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;
const URL_BREAK_AFTER = /[/\-.?&=_#,;:~+]/;
let segmenter: Intl.Segmenter | undefined;

function graphemeEnds(text: string, a: number, b: number): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const ends: number[] = [];
  for (const s of segmenter.segment(text.slice(a, b))) ends.push(a + s.index + s.segment.length);
  return ends;
}

/**
 * Greedy line breaking. `widthOf(n)` is the width available to the n-th line (0-based). Returns
 * ranges of `sh.text`; trailing spaces stay in a range (they are dropped when drawn). At least one
 * range, even for empty text.
 */
export function breakLines(sh: ShapedText, widthOf: (n: number) => number): Range[] {
  const text = sh.text;
  const lines: Range[] = [];
  const eps = 0.01;
  let avail = widthOf(0);
  let lineStart = -1;
  let lineEnd = -1;
  let w = 0;
  let pendingW = 0;
  let hasWord = false;
  const flush = (): void => {
    lines.push([lineStart, lineEnd]);
    avail = widthOf(lines.length);
    lineStart = -1;
    w = 0;
    pendingW = 0;
    hasWord = false;
  };
  let i = 0;
  while (i < text.length) {
    const space = SPACE.test(text[i]!);
    let j = i + 1;
    while (j < text.length && SPACE.test(text[j]!) === space) j++;
    if (space) {
      if (lineStart < 0) {
        // Leading spaces count on the first line only (they are the author's); a wrapped line starts at a word.
        if (lines.length === 0) {
          lineStart = i;
          lineEnd = j;
          w = measure(sh, i, j);
        }
      } else pendingW += measure(sh, i, j);
      i = j;
      continue;
    }
    const ww = measure(sh, i, j);
    if (lineStart >= 0 && w + pendingW + ww <= avail + eps) {
      lineEnd = j;
      w += pendingW + ww;
      pendingW = 0;
      hasWord = true;
      i = j;
      continue;
    }
    if (hasWord) flush();
    else {
      // only the first line's leading spaces so far, and the word does not fit after them: drop them
      lineStart = -1;
      w = 0;
      pendingW = 0;
    }
    {
      if (ww <= avail + eps) {
        hasWord = true;
        lineStart = i;
        lineEnd = j;
        w = ww;
      } else {
        // A word wider than the line: cut it.
        let pos = i;
        while (pos < j) {
          const ends = graphemeEnds(text, pos, j);
          // longest prefix that fits (binary search; widths grow with length)
          let lo = 0;
          let hi = ends.length - 1;
          if (measure(sh, pos, ends[hi]!) <= avail + eps) {
            lineStart = pos;
            lineEnd = j;
            w = measure(sh, pos, j);
            hasWord = true;
            break;
          }
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (measure(sh, pos, ends[mid]!) <= avail + eps) lo = mid;
            else hi = mid - 1;
          }
          let cut = ends[lo]!;
          // prefer a cut after URL punctuation, if it keeps at least 60% of the line
          for (let k = lo; k >= 0; k--) {
            const e = ends[k]!;
            if (URL_BREAK_AFTER.test(text[e - 1]!)) {
              if (measure(sh, pos, e) >= 0.6 * avail) cut = e;
              break;
            }
          }
          lineStart = pos;
          lineEnd = cut;
          flush();
          pos = cut;
        }
      }
    }
    i = j;
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  if (lines.length === 0) lines.push([0, 0]);
  return lines;
}

interface LogicalRun {
  level: number;
  face: number;
  text: string;
}

/** The runs of text[start, end) in drawing order, trailing spaces dropped. */
export function visualLine(sh: ShapedText, start: number, end: number): VisualLine {
  const text = sh.text;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  const runs: LogicalRun[] = [];
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (!isBidiControl(cp)) {
      const level = sh.bidi.levels[i]!;
      const face = Math.max(sh.faces[i]!, 0);
      const ch = (level % 2 === 1 && sh.bidi.mirrors.get(i)) || text.slice(i, i + n);
      const last = runs[runs.length - 1];
      if (last && last.level === level && last.face === face) last.text += ch;
      else runs.push({ level, face, text: ch });
    }
    i += n;
  }
  const out: DrawRun[] = [];
  let x = 0;
  for (const r of visualOrder(runs)) {
    const font = fontFor(sh.loaded[r.face]!, sh.style.bold, r.text);
    const d = drawable(r.text, font);
    if (!d) continue;
    const drawn = textForFontkit(d, r.level);
    const whole = fontkitRtl(drawn);
    const width = (whole ? advanceEm(font, drawn) : wordsAdvanceEm(font, drawn)) * sh.style.size;
    out.push({ text: drawn, font, size: sh.style.size, x, width, whole });
    x += width;
  }
  return { runs: out, width: x };
}
