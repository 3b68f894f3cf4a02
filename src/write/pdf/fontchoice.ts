/**
 * Font choice by coverage: which face draws each character of a line, and which font of that face
 * (regular, bold, italic, bold italic) draws a run. Also the characters that need no glyph at
 * all, and those drawn as a space. Pure, given the parsed fonts: nothing here shapes or measures.
 */
import type { Font } from './font.js';
import type { TextStyle } from '../../render/letter.js';
import type { LoadedFace } from './fonts.js';

/**
 * Characters that need no glyph: bidi controls, joiners, soft hyphen and the like. They steer
 * layout (or nothing) and are never drawn by us, except ZWJ/ZWNJ, which are kept when the run's
 * font has them (they decide Persian joining).
 */
export function isIgnorable(cp: number): boolean {
  return (
    cp === 0x00ad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp < 0x20 ||
    cp === 0x7f
  );
}

/**
 * The no-break spaces U+00A0 and U+202F: they hold words together when lines are broken, and are
 * drawn as an ordinary space (U+0020), so they need no glyph of their own and are of normal width.
 */
export function isNoBreakSpace(cp: number): boolean {
  return cp === 0x00a0 || cp === 0x202f;
}

/** Bidi control characters: used for the bidi levels, then dropped before drawing. */
export function isBidiControl(cp: number): boolean {
  return cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** Index of the first face whose regular font has the character, or -1. */
export function firstCovering(faces: LoadedFace[], cp: number): number {
  for (let i = 0; i < faces.length; i++) if (faces[i]!.regular.hasGlyphForCodePoint(cp)) return i;
  return -1;
}

const WEAK = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const MARK = /^\p{M}$/u;
const weakCache = new Map<number, boolean>();

/** Spaces, punctuation, digits, symbols, marks: Unicode script Common or Inherited (or ignorable). */
function isWeak(cp: number, ch: string): boolean {
  let w = weakCache.get(cp);
  if (w === undefined) weakCache.set(cp, (w = isIgnorable(cp) || WEAK.test(ch)));
  return w;
}

/**
 * The face for each UTF-16 index of `text` (the same value on both halves of a surrogate pair).
 * Letters take the first face that has them; spaces, punctuation, digits and marks (Unicode
 * script Common/Inherited) stay with the face of the text before them when it has them, else
 * take the face of the next letter, else the first face that has them. -1 where no face has it.
 */
export function assignFaces(text: string, faces: LoadedFace[]): Int16Array {
  const out = new Int16Array(text.length).fill(-1);
  const cps: { i: number; cp: number; ch: string; weak: boolean }[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    cps.push({ i, cp, ch, weak: isWeak(cp, ch) });
    i += ch.length;
  }
  const face = new Int16Array(cps.length).fill(-1);
  for (let k = 0; k < cps.length; k++) if (!cps[k]!.weak) face[k] = firstCovering(faces, cps[k]!.cp);
  let prev = -1;
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    if (c.weak) {
      const covers = (f: number): boolean =>
        f >= 0 && (isIgnorable(c.cp) || isNoBreakSpace(c.cp) || faces[f]!.regular.hasGlyphForCodePoint(c.cp));
      if (covers(prev)) face[k] = prev;
      else if (prev >= 0 && MARK.test(c.ch))
        face[k] = prev; // keep a mark with its base
      else {
        let next = -1;
        for (let j = k + 1; j < cps.length; j++)
          if (!cps[j]!.weak && face[j]! >= 0) {
            next = face[j]!;
            break;
          }
        face[k] = covers(next) ? next : isIgnorable(c.cp) ? Math.max(prev, 0) : firstCovering(faces, c.cp);
      }
    }
    prev = face[k]!;
    for (let u = 0; u < c.ch.length; u++) out[c.i + u] = face[k]!;
  }
  return out;
}

/** The fonts of a face to try for a style, best first; the regular font is always last. */
function candidates(face: LoadedFace, style: TextStyle): Font[] {
  switch (style) {
    case 'regular':
      return [face.regular];
    case 'bold':
      return [face.bold, face.regular];
    case 'italic':
      return [face.italic, face.regular];
    case 'boldItalic':
      return [face.boldItalic, face.bold, face.regular];
  }
}

/**
 * The font that draws `text` in face `face` and `style`: the font of that style when the face has
 * one with every character of the text, else the next best (bold italic, then bold, then regular;
 * italic, then regular). So a Persian run in italic is set upright when the italic lacks Arabic.
 */
export function fontFor(face: LoadedFace, style: TextStyle, text: string): Font {
  const fonts = candidates(face, style);
  for (const font of fonts) {
    if (font === face.regular) return font;
    let all = true;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isIgnorable(cp) && !isNoBreakSpace(cp) && !font.hasGlyphForCodePoint(cp)) {
        all = false;
        break;
      }
    }
    if (all) return font;
  }
  return face.regular;
}
