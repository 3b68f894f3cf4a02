/**
 * Fonts: loading and caching parsed fonts (the faces of `PdfOptions.fonts`).
 *
 * A font file is read and parsed once per process (cache by path); pdfkit is handed the parsed
 * fontkit object, so it does not parse the file again for each document. Which font draws which
 * character is fontchoice.ts; measuring and shaping is shape.ts.
 */
import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import { AppealError } from '../../errors.js';
import { cmapCoverage } from './cmap.js';
import { loadFontkit } from './deps.js';
import { forgetGlyphs } from './internals.js';
import type { FontFace } from './types.js';

/** One entry of `PdfOptions.fonts`, parsed. */
export interface LoadedFace {
  name: string;
  regular: Font;
  /** The bold face, or the regular one when the face has no bold. */
  bold: Font;
  /** The italic face, or the regular one when the face has no italic. */
  italic: Font;
  /** The bold italic face, or the bold one (see `bold`) when the face has no bold italic. */
  boldItalic: Font;
}

const parsed = new Map<string, Font>();

function readFont(path: string, faceName: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new AppealError({
      key: 'pdf.fonts',
      message:
        `cannot read the font file ${path} of font "${faceName}" (${(e as NodeJS.ErrnoException).code ?? String(e)}); ` +
        'correct the path under `pdf.fonts` in appeal.yaml.',
    });
  }
}

const covering = new Map<string, (cp: number) => boolean>();

/**
 * Whether a font file has a glyph for a code point, the same answer as fontkit's
 * hasGlyphForCodePoint: read from its cmap (cmap.ts) without loading fontkit, which is asked only
 * for a cmap that file cannot read, or when the font is already parsed. Once per process a path.
 */
export function coverageOf(path: string, faceName: string): (cp: number) => boolean {
  let has = covering.get(path);
  if (!has) {
    const font = parsed.get(path);
    has = font ? (cp) => font.hasGlyphForCodePoint(cp) : cmapCoverage(readFont(path, faceName));
    if (!has) {
      const loaded = loadFont(path, faceName);
      has = (cp) => loaded.hasGlyphForCodePoint(cp);
    }
    covering.set(path, has);
  }
  return has;
}

/** Parses a font file once per process. Throws AppealError if it cannot be read or parsed. */
export function loadFont(path: string, faceName: string): Font {
  const hit = parsed.get(path);
  if (hit) return hit;
  const data = readFont(path, faceName);
  let font: Font | { fonts: Font[] };
  try {
    font = loadFontkit().create(data);
  } catch (e) {
    throw new AppealError({
      key: 'pdf.fonts',
      message: `${path} (font "${faceName}") is not a font fontkit can read (${String(e)}); use a TTF or OTF file.`,
    });
  }
  if (!('layout' in font) || typeof font.layout !== 'function') {
    throw new AppealError({
      key: 'pdf.fonts',
      message: `${path} (font "${faceName}") is a font collection; use a single TTF or OTF file.`,
    });
  }
  parsed.set(path, font);
  return font;
}

/**
 * The faces, each font parsed on first use: a letter in Latin script never parses the fonts
 * that only its Persian would need (parsing a font costs ~20 ms in a fresh process).
 */
export function loadFaces(faces: FontFace[]): LoadedFace[] {
  if (faces.length === 0) {
    throw new AppealError({ key: 'pdf.fonts', message: 'no fonts are given; list at least one under `pdf.fonts` in appeal.yaml.' });
  }
  return faces.map((f) => {
    let regular: Font | undefined;
    let bold: Font | undefined;
    let italic: Font | undefined;
    let boldItalic: Font | undefined;
    return {
      name: f.name,
      get regular(): Font {
        return (regular ??= loadFont(f.regular, f.name));
      },
      get bold(): Font {
        return (bold ??= f.bold ? loadFont(f.bold, f.name) : this.regular);
      },
      get italic(): Font {
        return (italic ??= f.italic ? loadFont(f.italic, f.name) : this.regular);
      },
      get boldItalic(): Font {
        return (boldItalic ??= f.boldItalic ? loadFont(f.boldItalic, f.name) : this.bold);
      },
    };
  });
}

/**
 * Forgets the glyph objects fontkit has made for every font parsed so far (one parsed later starts
 * with none), so that the bytes of a letter depend on that letter alone (see internals.ts).
 */
export function forgetParsedGlyphs(): void {
  forgetGlyphs(parsed.values());
}
