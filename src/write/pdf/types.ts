/** Public option types of the PDF writer. Types only: importing this loads nothing heavy. */
import type { Problem } from '../../errors.js';

export interface FontFace {
  name: string;
  /** Absolute path to a TTF/OTF file. */
  regular: string;
  /** Absolute path to the bold face; without it bold text uses the regular face. */
  bold?: string;
  /** Absolute path to the italic face; without it italic text is set upright (the regular face). */
  italic?: string;
  /** Absolute path to the bold italic face; without it bold italic text uses the bold face (or the regular one). */
  boldItalic?: string;
}

/** Where a character came from, for the error message: a Problem's place (file, line, col, key). */
export type CharLocation = Omit<Problem, 'message'>;

export interface PdfOptions {
  page: 'A4' | 'Letter';
  /** Fonts in order of preference; a run of text uses the first that has all its characters. */
  fonts: FontFace[];
  /** Where a character came from, for the error message; may return undefined. */
  locate?: (char: string) => CharLocation | undefined;
}
