/**
 * The rendered letter: what a template produces once its markup is read.
 * Both writers (text and PDF) take this and nothing else, so the two never disagree.
 */

/** One line of a paragraph. Lines inside a paragraph are hard breaks; each may wrap. */
export interface Line {
  /** Leading indentation, in character widths (spaces in the template). */
  indent: number;
  text: string;
  bold: boolean;
}

export type Align = 'left' | 'center' | 'right';

export interface Paragraph {
  type: 'paragraph';
  lines: Line[];
  align: Align;
  /** Keep this block on the same page as the next one (headings, subject lines). */
  keepWithNext: boolean;
}

export interface ListItem {
  /** What is printed before the item: "•" for a bullet, "1." for a numbered item. */
  marker: string;
  text: string;
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface Rule {
  type: 'rule';
}

/** Blocks that must stay on one page together (closing and signature). */
export interface Keep {
  type: 'keep';
  blocks: Block[];
}

/** The letterhead: centred lines at the top of page one; any line may be right-to-left. */
export interface Letterhead {
  type: 'letterhead';
  lines: string[];
}

export type Block = Paragraph | List | Rule | Keep | Letterhead;

export interface LetterMeta {
  /** "475/2007"; carried on continuation pages of the PDF. */
  reference: string;
  /** The letter's date, ISO yyyy-mm-dd: the PDF's dates come from it. */
  date: string;
  /** The subject: person and headline. PDF title. */
  title: string;
  /** The organisation. PDF author. */
  author: string;
  /** Case ids. PDF keywords. */
  keywords: string[];
  /** BCP 47 language of the letter, e.g. "en". */
  language: string;
}

export interface Letter {
  meta: LetterMeta;
  blocks: Block[];
}
