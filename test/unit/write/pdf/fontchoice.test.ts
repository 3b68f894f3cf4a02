/**
 * Font choice by coverage, with made-up fonts that only answer which characters they have.
 */
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { assignFaces, firstCovering, fontFor, isBidiControl, isIgnorable } from '../../../../src/write/pdf/fontchoice.js';
import type { LoadedFace } from '../../../../src/write/pdf/fonts.js';

/** A font that has exactly the characters of `chars`. */
const font = (name: string, chars: string): Font =>
  ({ postscriptName: name, hasGlyphForCodePoint: (cp: number) => chars.includes(String.fromCodePoint(cp)) }) as unknown as Font;

const LATIN = 'abcdefghijklmnopqrstuvwxyzRS .,:;()0123456789';
const ARABIC = 'سلامنهشر .,()0123456789';
const serif: LoadedFace = { name: 'Serif', regular: font('Serif', LATIN), bold: font('Serif-Bold', LATIN.replace('z', '')) };
const sans: LoadedFace = { name: 'Sans', regular: font('Sans', LATIN + ARABIC), bold: font('Sans-Bold', LATIN + ARABIC) };
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
    expect(fontFor(serif, true, 'abc').postscriptName).toBe('Serif-Bold');
    expect(fontFor(serif, true, 'jazz').postscriptName).toBe('Serif'); // the bold lacks "z"
    expect(fontFor(serif, false, 'abc').postscriptName).toBe('Serif');
    // a face without a bold uses the regular one
    const plain: LoadedFace = { name: 'Plain', regular: serif.regular, bold: serif.regular };
    expect(fontFor(plain, true, 'abc')).toBe(serif.regular);
  });

  it('knows the characters that need no glyph', () => {
    for (const cp of [0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x202b, 0x2066, 0xfeff, 0xfe0f, 0x0a]) expect(isIgnorable(cp)).toBe(true);
    for (const cp of [0x20, 0x41, 0x00a0, 0x202f, 0x0633]) expect(isIgnorable(cp)).toBe(false);
    expect(isBidiControl(0x200f)).toBe(true);
    expect(isBidiControl(0x200c)).toBe(false); // ZWNJ joins, it does not steer direction
  });
});
