/**
 * Shaping: HarfBuzz's layout of runs (cached per process), and one logical line of text (a Line,
 * a list item, a letterhead line) made ready to measure and draw: its bidi levels, the face of
 * each character, the width of any stretch, and the runs of a broken line in drawing order, each
 * with one font, one direction and its width. Breaking it into lines is linebreak.ts.
 */
import { lineBidi, shapedRtl, textForShaping, visualOrder, type LineBidi } from './bidi.js';
import type { Run, TextStyle } from '../../render/letter.js';
import type { Font, GlyphRun } from './font.js';
import { assignFaces, fontFor, isBidiControl, isIgnorable, isNoBreakSpace } from './fontchoice.js';
import type { LoadedFace } from './fonts.js';
import { breakLines, isBreakingSpace, type Range } from './linebreak.js';
import { ReuseCache } from './reuse.js';

// ---- shaping, cached ------------------------------------------------------------------------

/** A shaped run; kept per process and never handed out to be changed. */
interface CachedRun extends GlyphRun {
  /** Advance width in em. */
  em: number;
}

/** Shaped runs per font (reuse.ts: a run is kept once met twice). */
const runCache = new Map<Font, ReuseCache<CachedRun>>();

/**
 * `text` shaped with the font's default features, in the direction of its script (see bidi.ts),
 * cached per process: measuring and drawing both come through here. A run's shape depends on its
 * text and font alone, so the cache cannot make one letter's bytes depend on another's. In a
 * batch, the words of one case's facts (names, places) are let go soon; the words every letter
 * has stay.
 */
export function shaped(font: Font, text: string): CachedRun {
  let c = runCache.get(font);
  if (!c) runCache.set(font, (c = new ReuseCache(2_000, 25_000)));
  return c.get(text, () => {
    const run = font.layout(text, shapedRtl(text));
    return { ...run, em: run.advanceWidth / font.unitsPerEm };
  });
}

/** Advance width of `text` laid out as one run, in em (multiply by the font size). */
export function advanceEm(font: Font, text: string): number {
  return shaped(font, text).em;
}

/**
 * The pieces `text` is shaped in: whole, or (pdfkit's way without `features`) cut after every
 * space or tab, each piece shaped alone.
 */
export function pieces(font: Font, text: string, whole: boolean): CachedRun[] {
  if (whole) return [shaped(font, text)];
  const out: CachedRun[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      out.push(shaped(font, text.slice(last, i + 1)));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(shaped(font, text.slice(last)));
  return out;
}

// ---- a logical line ---------------------------------------------------------------------

/** The styles, by the numbers that `ShapedText.styles` holds. */
const STYLES: readonly TextStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface ShapedText {
  text: string;
  /** Type size in points. */
  size: number;
  /** The style of each UTF-16 index, as an index of STYLES. */
  styles: Uint8Array;
  bidi: LineBidi;
  faces: Int16Array;
  loaded: LoadedFace[];
  /** True when the line's base direction is right to left. */
  rtl: boolean;
}

export interface DrawRun {
  /** The string to hand pdfkit (mirrored, and reversed where its script's direction is not its level's). */
  text: string;
  font: Font;
  size: number;
  /** Offset from the left end of the line. */
  x: number;
  width: number;
  /**
   * Shape the run whole (pdfkit `features: []`): needed when it is shaped right to left, since
   * pdfkit's default, word by word, would put the words in left-to-right order. Other runs are
   * drawn word by word, which lets the shaping of each word be cached.
   */
  whole: boolean;
  /** The run as shaped: whole, or word by word (see `pieces`). What draw.ts draws. */
  pieces: readonly GlyphRun[];
}

export interface VisualLine {
  runs: DrawRun[];
  width: number;
}

/**
 * A logical line ready to measure and draw, from its styled runs (or a plain string, in one
 * style) at `size` points. Tabs become four spaces, line breaks spaces; text is NFC.
 */
export function shape(content: string | Run[], size: number, loaded: LoadedFace[], style: TextStyle = 'regular'): ShapedText {
  const runs = typeof content === 'string' ? [{ text: content, style }] : content;
  const parts = runs.map((r) => ({
    text: r.text
      .replace(/\t/g, '    ')
      .replace(/[\r\n]/g, ' ')
      .normalize('NFC'),
    style: STYLES.indexOf(r.style),
  }));
  const text = parts.map((p) => p.text).join('');
  const styles = new Uint8Array(text.length);
  let at = 0;
  for (const p of parts) {
    styles.fill(p.style, at, at + p.text.length);
    at += p.text.length;
  }
  const bidi = lineBidi(text);
  return { text, size, styles, bidi, faces: assignFaces(text, loaded), loaded, rtl: bidi.baseLevel % 2 === 1 };
}

/**
 * `sub` as it is drawn: without the characters we never draw (ZWJ/ZWNJ stay when the font has
 * them), no-break spaces as plain spaces.
 */
function drawable(sub: string, font: Font): string {
  let out = '';
  for (const ch of sub) {
    const cp = ch.codePointAt(0)!;
    if (isNoBreakSpace(cp)) out += ' ';
    else if (isIgnorable(cp) && !((cp === 0x200c || cp === 0x200d) && font.hasGlyphForCodePoint(cp))) continue;
    else out += ch;
  }
  return out;
}

/** Width of text[a, b) in points, measured per face and style. */
export function measure(sh: ShapedText, a: number, b: number): number {
  let w = 0;
  let i = a;
  while (i < b) {
    const f = sh.faces[i]!;
    const st = sh.styles[i]!;
    let j = i + 1;
    while (j < b && sh.faces[j] === f && sh.styles[j] === st) j++;
    const sub = sh.text.slice(i, j);
    const face = sh.loaded[Math.max(f, 0)]!;
    const font = fontFor(face, STYLES[st]!, sub);
    const d = drawable(sub, font);
    if (d) w += advanceEm(font, d) * sh.size;
    i = j;
  }
  return w;
}

interface LogicalRun {
  level: number;
  face: number;
  style: number;
  text: string;
}

/** The runs of text[start, end) in drawing order, trailing spaces dropped. */
export function visualLine(sh: ShapedText, start: number, end: number): VisualLine {
  const text = sh.text;
  while (end > start && isBreakingSpace(text[end - 1]!)) end--;
  const runs: LogicalRun[] = [];
  for (let i = start; i < end;) {
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (!isBidiControl(cp)) {
      const level = sh.bidi.levels[i]!;
      const face = Math.max(sh.faces[i]!, 0);
      const style = sh.styles[i]!;
      const ch = (level % 2 === 1 && sh.bidi.mirrors.get(i)) || text.slice(i, i + n);
      const last = runs[runs.length - 1];
      if (last && last.level === level && last.face === face && last.style === style) last.text += ch;
      else runs.push({ level, face, style, text: ch });
    }
    i += n;
  }
  const out: DrawRun[] = [];
  let x = 0;
  for (const r of visualOrder(runs)) {
    const font = fontFor(sh.loaded[r.face]!, STYLES[r.style]!, r.text);
    const d = drawable(r.text, font);
    if (!d) continue;
    const drawn = textForShaping(d, r.level);
    const whole = shapedRtl(drawn);
    const shapes = pieces(font, drawn, whole);
    let em = 0;
    for (const r of shapes) em += r.em;
    const width = em * sh.size;
    out.push({ text: drawn, font, size: sh.size, x, width, whole, pieces: shapes });
    x += width;
  }
  return { runs: out, width: x };
}

/** The line's ranges broken to fit `widthOf(n)` points on its n-th line (see linebreak.ts). */
export function breakShaped(sh: ShapedText, widthOf: (n: number) => number): Range[] {
  return breakLines(sh.text, (a, b) => measure(sh, a, b), widthOf);
}
