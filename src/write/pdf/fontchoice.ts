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
/** Per code point: bit 1 weak, bit 2 a mark. A letter's text has a few hundred distinct ones. */
const kinds = new Map<number, number>();
const WEAK_BIT = 1;
const MARK_BIT = 2;

/** Weak: spaces, punctuation, digits, symbols, marks (script Common or Inherited, or ignorable). */
function kindOf(cp: number): number {
  let k = kinds.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = (isIgnorable(cp) || WEAK.test(ch) ? WEAK_BIT : 0) | (MARK.test(ch) ? MARK_BIT : 0);
    kinds.set(cp, k);
  }
  return k;
}

/**
 * The face for each UTF-16 index of `text` (the same value on both halves of a surrogate pair).
 * Letters take the first face that has them; spaces, punctuation, digits and marks (Unicode
 * script Common/Inherited) stay with the face of the text before them when it has them, else
 * take the face of the next letter, else the first face that has them. -1 where no face has it.
 * Works on typed arrays, one slot per code point: it runs on every line of every letter.
 */
export function assignFaces(text: string, faces: LoadedFace[]): Int16Array {
  const out = new Int16Array(text.length).fill(-1);
  const at = new Int32Array(text.length); // UTF-16 index of each code point
  const cps = new Int32Array(text.length);
  const kind = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; n++) {
    const cp = text.codePointAt(i)!;
    at[n] = i;
    cps[n] = cp;
    kind[n] = kindOf(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  const face = new Int16Array(n).fill(-1);
  for (let k = 0; k < n; k++) if (!(kind[k]! & WEAK_BIT)) face[k] = firstCovering(faces, cps[k]!);
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const cp = cps[k]!;
    if (kind[k]! & WEAK_BIT) {
      const covers = (f: number): boolean =>
        f >= 0 && (isIgnorable(cp) || isNoBreakSpace(cp) || faces[f]!.regular.hasGlyphForCodePoint(cp));
      if (covers(prev)) face[k] = prev;
      else if (prev >= 0 && kind[k]! & MARK_BIT)
        face[k] = prev; // keep a mark with its base
      else {
        let next = -1;
        for (let j = k + 1; j < n; j++)
          if (!(kind[j]! & WEAK_BIT) && face[j]! >= 0) {
            next = face[j]!;
            break;
          }
        face[k] = covers(next) ? next : isIgnorable(cp) ? Math.max(prev, 0) : firstCovering(faces, cp);
      }
    }
    prev = face[k]!;
    out[at[k]!] = prev;
    if (cp > 0xffff) out[at[k]! + 1] = prev;
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
