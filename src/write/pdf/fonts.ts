/**
 * Fonts: loading and caching parsed fonts (the faces of `PdfOptions.fonts`).
 *
 * A font file is read and its tables found once per process (cache by path); pdfkit is handed our
 * font object (internals.ts), so it parses nothing. Which font draws which character is
 * fontchoice.ts; measuring and shaping is shape.ts.
 */
import { readFileSync } from 'node:fs';
import { AppealError } from '../../errors.js';
import { cmapCoverage } from './cmap.js';
import { Font } from './font.js';
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
 * Whether a font file has a glyph for a code point, the same answer as the PDF writer's Font: read
 * from its cmap (cmap.ts) without loading HarfBuzz, which is asked only for a cmap that file cannot
 * read (through the Font), or when the font is already loaded. Once per process a path.
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

/** Reads a font file once per process. Throws AppealError if it cannot be read or is not a font. */
export function loadFont(path: string, faceName: string): Font {
  const hit = parsed.get(path);
  if (hit) return hit;
  const data = readFont(path, faceName);
  let font: Font;
  try {
    font = new Font(data);
  } catch (e) {
    const collection = data.subarray(0, 4).toString('latin1') === 'ttcf';
    const why = e instanceof Error ? e.message : String(e);
    throw new AppealError({
      key: 'pdf.fonts',
      message: collection
        ? `${path} (font "${faceName}") is a font collection; use a single TTF or OTF file.`
        : `${path} (font "${faceName}") is not a font that can be read (${why}); use a TTF or OTF file.`,
    });
  }
  parsed.set(path, font);
  return font;
}

/**
 * The faces, each font parsed on first use: a letter in Latin script never parses the fonts
 * that only its Persian would need (reading DejaVu Sans, 740 KB, and giving it to HarfBuzz costs a few ms).
 */
export function loadFaces(faces: FontFace[]): LoadedFace[] {
  if (faces.length === 0) {
    throw new AppealError({ key: 'pdf.fonts', message: 'no fonts are given; list at least one under `pdf.fonts` in appeal.yaml.' });
  }
  // The same list of fonts gives the same faces: what layout.ts keeps its laid-out lines under.
  const key = JSON.stringify(faces.map((f) => [f.name, f.regular, f.bold, f.italic, f.boldItalic]));
  let loaded = loadedFaces.get(key);
  if (!loaded) loadedFaces.set(key, (loaded = faces.map(lazyFace)));
  return loaded;
}

const loadedFaces = new Map<string, LoadedFace[]>();

/** A face whose fonts are read on first use. */
function lazyFace(f: FontFace): LoadedFace {
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
}
