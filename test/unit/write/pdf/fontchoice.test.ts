/**
 * Font choice by coverage, with made-up fonts that only answer which characters they have.
 */
import type { Font } from '../../../../src/write/pdf/font.js';
import { describe, expect, it } from 'vitest';
import { assignFaces, firstCovering, fontFor, isBidiControl, isIgnorable, isNoBreakSpace } from '../../../../src/write/pdf/fontchoice.js';
import type { LoadedFace } from '../../../../src/write/pdf/fonts.js';

/** A font that has exactly the characters of `chars`. */
const font = (name: string, chars: string): Font =>
  ({ postscriptName: name, hasGlyphForCodePoint: (cp: number) => chars.includes(String.fromCodePoint(cp)) }) as unknown as Font;

const LATIN = 'abcdefghijklmnopqrstuvwxyzRS .,:;()0123456789';
const ARABIC = 'سلامنهشر .,()0123456789';
const serifRegular = font('Serif', LATIN);
const serifBold = font('Serif-Bold', LATIN.replace('z', ''));
const serif: LoadedFace = {
  name: 'Serif',
  regular: serifRegular,
  bold: serifBold,
  italic: font('Serif-Italic', LATIN.replace('q', '')),
  boldItalic: font('Serif-BoldItalic', LATIN.replace('x', '')),
};
const sansRegular = font('Sans', LATIN + ARABIC);
const sansBold = font('Sans-Bold', LATIN + ARABIC);
// like DejaVu Sans: its obliques have no Arabic
const sans: LoadedFace = {
  name: 'Sans',
  regular: sansRegular,
  bold: sansBold,
  italic: font('Sans-Oblique', LATIN),
  boldItalic: font('Sans-BoldOblique', LATIN),
};
const faces = [serif, sans];

/** The face of each character, as a string of indexes ("-" for none). */
const facesOf = (text: string): string => [...assignFaces(text, faces)].map((f) => (f < 0 ? '-' : String(f))).join('');

describe('font choice by coverage', () => {
  it('gives each letter the first face that has it', () => {
    expect(firstCovering(faces, 'a'.codePointAt(0)!)).toBe(0);
    expect(firstCovering(faces, 'س'.codePointAt(0)!)).toBe(1);
    expect(firstCovering(faces, 'க'.codePointAt(0)!)).toBe(-1);
    expect(facesOf('ab سلام')).toBe('0001111'); // the space stays with the text before it
  });

  it('keeps spaces, digits and punctuation with the text before them', () => {
    // "Ref 12 " is serif; the Persian word is sans; the digits after it stay sans
    expect(facesOf('Ref 12 سلام 34.')).toBe('0000000' + '1111' + '1111');
  });

  it('gives leading spaces and punctuation the face of the next letter', () => {
    expect(facesOf('(سلام)')).toBe('111111');
    expect(facesOf('(abc)')).toBe('00000');
  });

  it('marks a character no face has with -1', () => {
    expect(facesOf('aகb')).toBe('0-0');
  });

  it('draws bold only with a bold font that has every character of the run', () => {
    expect(fontFor(serif, 'bold', 'abc').postscriptName).toBe('Serif-Bold');
    expect(fontFor(serif, 'bold', 'jazz').postscriptName).toBe('Serif'); // the bold lacks "z"
    expect(fontFor(serif, 'regular', 'abc').postscriptName).toBe('Serif');
    // a face without a bold uses the regular one
    const plain: LoadedFace = { name: 'Plain', regular: serifRegular, bold: serifRegular, italic: serifRegular, boldItalic: serifRegular };
    expect(fontFor(plain, 'bold', 'abc')).toBe(serifRegular);
    expect(fontFor(plain, 'boldItalic', 'abc')).toBe(serifRegular);
  });

  it('draws italic and bold italic, falling back by coverage: bold italic, bold, regular; italic, regular', () => {
    expect(fontFor(serif, 'italic', 'abc').postscriptName).toBe('Serif-Italic');
    expect(fontFor(serif, 'italic', 'quiz').postscriptName).toBe('Serif'); // the italic lacks "q"
    expect(fontFor(serif, 'boldItalic', 'abc').postscriptName).toBe('Serif-BoldItalic');
    expect(fontFor(serif, 'boldItalic', 'box').postscriptName).toBe('Serif-Bold'); // the bold italic lacks "x"
    expect(fontFor(serif, 'boldItalic', 'zax').postscriptName).toBe('Serif'); // and the bold "z"
    // a Persian run in italic is set upright; in bold italic, bold
    expect(fontFor(sans, 'italic', 'سلام').postscriptName).toBe('Sans');
    expect(fontFor(sans, 'boldItalic', 'سلام').postscriptName).toBe('Sans-Bold');
    expect(fontFor(sans, 'italic', 'abc').postscriptName).toBe('Sans-Oblique');
  });

  it('treats no-break spaces as spaces: any font draws them', () => {
    const noNbsp = font('NoNbsp', 'ab ');
    const face: LoadedFace = { name: 'N', regular: noNbsp, bold: noNbsp, italic: font('NoNbsp-Italic', 'ab '), boldItalic: noNbsp };
    expect(fontFor(face, 'italic', 'a\u00a0b\u202fa').postscriptName).toBe('NoNbsp-Italic');
    expect([...assignFaces('a\u00a0b', [face])]).toEqual([0, 0, 0]);
    expect(isNoBreakSpace(0xa0)).toBe(true);
    expect(isNoBreakSpace(0x202f)).toBe(true);
    expect(isNoBreakSpace(0x20)).toBe(false);
  });

  it('knows the characters that need no glyph', () => {
    for (const cp of [0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x202b, 0x2066, 0xfeff, 0xfe0f, 0x0a]) expect(isIgnorable(cp)).toBe(true);
    for (const cp of [0x20, 0x41, 0x00a0, 0x202f, 0x0633]) expect(isIgnorable(cp)).toBe(false);
    expect(isBidiControl(0x200f)).toBe(true);
    expect(isBidiControl(0x200c)).toBe(false); // ZWNJ joins, it does not steer direction
  });
});
