/**
 * Line breaking of one logical line of text into lines that fit a width. Ours, because pdfkit
 * wraps before any bidi step. Pure: it is given a function that measures a stretch of the text, so
 * it knows nothing of fonts and can be tested with any widths.
 *
 * Breaks at breakable spaces only (never at U+00A0 or U+202F); a word wider than the line (a URL)
 * is cut, preferably after / - . ? & = _ # , ; : ~ +, else between any two grapheme clusters.
 */

export type Range = [start: number, end: number];

// Breakable spaces: U+0020, the fixed-width spaces U+2000–U+200A except U+2007 (figure space), U+205F,
// U+3000. Not U+00A0 or U+202F (no-break).
const SPACE = /[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;
const URL_BREAK_AFTER = /[/\-.?&=_#,;:~+]/;

/** Whether a line may break at this character (one UTF-16 unit). */
export function isBreakingSpace(ch: string): boolean {
  return SPACE.test(ch);
}

let segmenter: Intl.Segmenter | undefined;

function graphemeEnds(text: string, a: number, b: number): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const ends: number[] = [];
  for (const s of segmenter.segment(text.slice(a, b))) ends.push(a + s.index + s.segment.length);
  return ends;
}

/**
 * Greedy line breaking. `measure(a, b)` is the width of text[a, b); `widthOf(n)` is the width
 * available to the n-th line (0-based). Returns ranges of `text`; trailing spaces stay in a range
 * (they are dropped when drawn). At least one range, even for empty text.
 */
export function breakLines(text: string, measure: (a: number, b: number) => number, widthOf: (n: number) => number): Range[] {
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
          w = measure(i, j);
        }
      } else pendingW += measure(i, j);
      i = j;
      continue;
    }
    const ww = measure(i, j);
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
        if (measure(pos, ends[hi]!) <= avail + eps) {
          lineStart = pos;
          lineEnd = j;
          w = measure(pos, j);
          hasWord = true;
          break;
        }
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (measure(pos, ends[mid]!) <= avail + eps) lo = mid;
          else hi = mid - 1;
        }
        let cut = ends[lo]!;
        // prefer a cut after URL punctuation, if it keeps at least 60% of the line
        for (let k = lo; k >= 0; k--) {
          const e = ends[k]!;
          if (URL_BREAK_AFTER.test(text[e - 1]!)) {
            if (measure(pos, e) >= 0.6 * avail) cut = e;
            break;
          }
        }
        lineStart = pos;
        lineEnd = cut;
        flush();
        pos = cut;
      }
    }
    i = j;
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  if (lines.length === 0) lines.push([0, 0]);
  return lines;
}
