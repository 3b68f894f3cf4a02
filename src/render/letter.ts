/**
 * The rendered letter: what a template produces once its markup is read.
 * Both writers (text and PDF) take this and nothing else, so the two never disagree.
 */

/** How a run of text is set: upright or italic, regular or bold weight. */
export type TextStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** A stretch of a line in one style (from `**bold**`, `*italic*`, `***bold italic***` in the markup). */
export interface Run {
  text: string;
  style: TextStyle;
}

/**
 * One line of a paragraph. Lines inside a paragraph are hard breaks; each may wrap. An empty line
 * (`~` in the markup) is kept as a line; a run of them between two lines is room for a signature.
 */
export interface Line {
  /** Leading indentation, in character widths (spaces in the template). */
  indent: number;
  /** The line's text as printed: the marks of inline styles are not in it. */
  text: string;
  /** The whole line is bold (a `# ` line): a heading when the whole paragraph is. */
  bold: boolean;
  /**
   * The line in styled runs, whose texts joined are `text`. Absent: one run of `text`, bold when
   * `bold` is set. The style of a `# ` line's runs already includes its bold.
   */
  runs?: Run[];
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
  /** The item's text as printed, without the marks of inline styles. */
  text: string;
  /** The item in styled runs, whose texts joined are `text`; absent: one regular run. */
  runs?: Run[];
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

/**
 * The letterhead: centred at the top of page one, as one block. `lines` are the organisation's
 * name (in one or more scripts; any line may be right-to-left), all set in the same size and
 * weight; `contacts` (address, e-mail, website), when there are any, follow in small type under a
 * thin rule.
 */
export interface Letterhead {
  type: 'letterhead';
  lines: string[];
  contacts: string[];
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
  /**
   * The head of continuation pages (page 2 onwards) of the PDF, in the letter's language, with
   * {page} and {pages} for the page number and the number of pages, e.g.
   * "No.: 475/2007 · 23 December 2007 · page {page} of {pages}". Without it, continuation pages
   * are headed with the reference alone and every page of a longer letter has "Page n of m" at its foot.
   */
  runningHead?: string;
}

/** The runs of a line or list item: its `runs`, or one run of its text. */
export function runsOf(l: { text: string; bold?: boolean; runs?: Run[] }): Run[] {
  return l.runs ?? [{ text: l.text, style: l.bold ? 'bold' : 'regular' }];
}

export interface Letter {
  meta: LetterMeta;
  blocks: Block[];
}
