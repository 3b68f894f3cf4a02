/**
 * The letter markup that templates write, read into the letter model. Line-based, so a
 * template reads like the letter it makes:
 *
 *   (blank line)        ends a block
 *   text                a paragraph line; the lines of a block are kept as written (hard breaks)
 *     indented text     a line indented by its leading spaces
 *   # text              a bold line; a block of bold lines is kept with the block after it
 *   - text  / • text    a bullet item; consecutive items make one list
 *   1. text / 1) text   a numbered item
 *   ~                   an empty line kept inside a block; a run of them between two lines is room
 *                       for a signature (at least 20 mm in the PDF)
 *   ---                 a horizontal rule
 *   ::: letterhead      the lines up to ':::' are the letterhead, centred at the top: the
 *                       organisation's name, one line per script; after a '---' line inside it,
 *                       contact lines (address, e-mail, website), set small under a thin rule
 *   ::: center/right    the blocks up to ':::' are centred / set right
 *   ::: keep            the blocks up to ':::' stay together on one page (closing, signature);
 *                       in the PDF they never stand alone on a page: the last lines before them
 *                       come along
 *
 * Inline styles, inside a paragraph line, list item or `# ` line (not in the letterhead):
 *
 *   *italic*  **bold**  ***bold italic***
 *
 * An opening mark is followed by a letter (not a space) and its closing mark, on the same line,
 * is the same number of stars preceded by a letter; marks nest (`**bold *and italic* bold**`).
 * Stars that do not pair this way are printed as they are ("5 * 3", "a lone *"); `\*` prints a
 * star where one would pair. The marks are not printed: the text letter shows the words alone,
 * the PDF sets them in italic, bold or bold italic.
 *
 * Text that comes from case files is passed through `escapeData` before it reaches a template,
 * so a case that writes "- " or "# " at the start of a line, or stars anywhere, is printed, not
 * read as markup.
 */
import type { Align, Block, Line, ListItem, Run, TextStyle } from './letter.js';

/** Marks the start of text from data (plain text, never markup); never printed. Private use: no case text carries it. */
const LITERAL = '\uE000';
/** Marks the end of text from data. */
const LITERAL_END = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Makes a string from case data safe to put into a template: no markup, one line. */
export function escapeData(s: string): string {
  if (s === '') return s;
  // Most strings hold neither a mark nor a line break: each is looked for before it is replaced.
  const unmarked = s.includes(LITERAL) || s.includes(LITERAL_END) ? s.replace(MARKS, '') : s;
  return LITERAL + (unmarked.includes('\n') ? unmarked.replace(/\s*\n\s*/g, ' ') : unmarked) + LITERAL_END;
}

/** Applies `escapeData` to every string in a value (objects and arrays are copied). */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeData(value) as T;
  if (Array.isArray(value)) return value.map(escapeDeep) as T;
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = escapeDeep((value as Record<string, unknown>)[key]);
    return copy as T;
  }
  return value;
}

function clean(s: string): string {
  return s.replace(MARKS, '').replace(/[ \t]+$/, '');
}

const STYLE_OF: TextStyle[] = ['regular', 'italic', 'bold', 'boldItalic'];

interface Token {
  /** Printed text, or a run of 1–3 stars that may open or close a style. */
  text: string;
  stars: number;
  canOpen: boolean;
  canClose: boolean;
  /** For a star run that pairs: +1 opens, -1 closes. */
  pair: number;
}

/**
 * Reads the inline styles of one line (marks of data still in it) into runs, in `base` style
 * or bolder. Text between LITERAL and LITERAL_END is data: printed as it is.
 */
export function parseInline(line: string, base: 'regular' | 'bold' = 'regular'): Run[] {
  // Without a star there is no style to read: one run of the printed text (most lines of a letter;
  // reading them a character at a time cost 0.1 ms a letter).
  if (!line.includes('*')) {
    const printed = line.replace(MARKS, '');
    return printed ? [{ text: printed, style: base }] : [];
  }
  const tokens: Token[] = [];
  const text = (t: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.stars === 0) last.text += t;
    else tokens.push({ text: t, stars: 0, canOpen: false, canClose: false, pair: 0 });
  };
  // The printed character next to position i, looking past the marks of data.
  const printedAt = (i: number, step: 1 | -1): string => {
    while (i >= 0 && i < line.length && (line[i] === LITERAL || line[i] === LITERAL_END)) i += step;
    return i >= 0 && i < line.length ? line[i]! : '';
  };
  let data = false;
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (c === LITERAL || c === LITERAL_END) {
      data = c === LITERAL;
      i++;
    } else if (data) {
      text(c);
      i++;
    } else if (c === '\\' && line[i + 1] === '*') {
      text('*');
      i += 2;
    } else if (c === '*') {
      let j = i;
      while (line[j] === '*') j++;
      const before = printedAt(i - 1, -1);
      const after = printedAt(j, 1);
      const n = j - i;
      if (n > 3) text(line.slice(i, j));
      else
        tokens.push({
          text: line.slice(i, j),
          stars: n,
          canOpen: after !== '' && !/\s/.test(after),
          canClose: before !== '' && !/\s/.test(before),
          pair: 0,
        });
      i = j;
    } else {
      text(c);
      i++;
    }
  }
  // Pair each closing run with the nearest open run of as many stars; runs between them that did not pair stay text.
  const open: number[] = [];
  tokens.forEach((t, k) => {
    if (t.stars === 0) return;
    const at = t.canClose ? open.findLastIndex((o) => tokens[o]!.stars === t.stars) : -1;
    if (at >= 0) {
      tokens[open[at]!]!.pair = 1;
      t.pair = -1;
      open.length = at;
    } else if (t.canOpen) open.push(k);
  });
  const runs: Run[] = [];
  let bold = base === 'bold' ? 1 : 0;
  let italic = 0;
  for (const t of tokens) {
    if (t.stars > 0 && t.pair !== 0) {
      if (t.stars >= 2) bold += t.pair;
      if (t.stars !== 2) italic += t.pair;
      continue;
    }
    const style = STYLE_OF[(bold > 0 ? 2 : 0) + (italic > 0 ? 1 : 0)]!;
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += t.text;
    else if (t.text) runs.push({ text: t.text, style });
  }
  return runs;
}

/**
 * The text and runs of a line or item: runs only when they say more than the text and `base` do.
 * Trailing spaces and tabs are not part of a line; a `# ` line (`trim`) loses all white space at both ends.
 */
function styled(body: string, base: 'regular' | 'bold', trim: boolean): { text: string; runs?: Run[] } {
  const runs = parseInline(body, base);
  const end = trim ? /\s+$/ : /[ \t]+$/;
  while (runs.length && !(runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(end, ''))) runs.pop();
  while (trim && runs.length && !(runs[0]!.text = runs[0]!.text.replace(/^\s+/, ''))) runs.shift();
  const text = runs.map((r) => r.text).join('');
  if (runs.length === 0 || (runs.length === 1 && runs[0]!.style === base)) return { text };
  return { text, runs };
}

const BULLET = /^[-•*·]\s+(.*)$/;
const NUMBERED = /^(\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^:::\s*(letterhead|center|centre|right|keep)?\s*$/;

/** Reads rendered template text into blocks. */
export function parseMarkup(text: string): Block[] {
  const out: Block[] = [];
  // Each open fence collects the blocks inside it.
  const stack: { kind: string; blocks: Block[]; lines: string[]; contacts?: string[] }[] = [];
  let paragraph: Line[] = [];
  let list: { ordered: boolean; items: ListItem[] } | undefined;

  const target = () => (stack.length ? stack[stack.length - 1]!.blocks : out);
  const align = (): Align => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const k = stack[i]!.kind;
      if (k === 'center' || k === 'centre') return 'center';
      if (k === 'right') return 'right';
    }
    return 'left';
  };
  const flush = () => {
    if (paragraph.length) {
      target().push({
        type: 'paragraph',
        lines: paragraph,
        align: align(),
        keepWithNext: paragraph.every((l) => l.bold),
      });
      paragraph = [];
    }
    if (list) {
      target().push({ type: 'list', ordered: list.ordered, items: list.items });
      list = undefined;
    }
  };

  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const inLetterhead = stack.length > 0 && stack[stack.length - 1]!.kind === 'letterhead';
    const literal = raw.trimStart().startsWith(LITERAL);
    const line = raw.replace(/[ \t]+$/, '');
    const fence = literal ? null : FENCE.exec(line.trim());
    if (fence && !raw.startsWith(' ')) {
      flush();
      if (fence[1]) {
        stack.push({ kind: fence[1], blocks: [], lines: [] });
      } else {
        const closed = stack.pop();
        if (!closed) continue; // a stray ':::' is ignored
        const holder = target();
        if (closed.kind === 'letterhead') holder.push(letterhead(closed));
        else if (closed.kind === 'keep') holder.push({ type: 'keep', blocks: closed.blocks });
        else holder.push(...closed.blocks);
      }
      continue;
    }
    if (inLetterhead) {
      const head = stack[stack.length - 1]!;
      const t = clean(line).trim();
      if (!literal && /^-{3,}$/.test(t)) head.contacts ??= [];
      else if (t) (head.contacts ?? head.lines).push(t);
      continue;
    }
    if (clean(line).trim() === '') {
      flush();
      continue;
    }
    if (!literal && line.trim() === '~') {
      if (list) flush();
      paragraph.push({ indent: 0, text: '', bold: false });
      continue;
    }
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (!literal) {
      if (/^-{3,}$/.test(body)) {
        flush();
        target().push({ type: 'rule' });
        continue;
      }
      const bullet = BULLET.exec(body);
      const numbered = bullet ? null : NUMBERED.exec(body);
      if (bullet || numbered) {
        const ordered = !!numbered;
        if (paragraph.length || (list && list.ordered !== ordered)) flush();
        list ??= { ordered, items: [] };
        list.items.push({ marker: numbered ? numbered[1]! : '•', ...styled(numbered ? numbered[2]! : bullet![1]!, 'regular', false) });
        continue;
      }
      if (body.startsWith('# ')) {
        if (list) flush();
        paragraph.push({ indent, bold: true, ...styled(body.slice(2), 'bold', true) });
        continue;
      }
    }
    if (list) flush();
    paragraph.push({ indent, bold: false, ...styled(body, 'regular', false) });
  }
  flush();
  while (stack.length) {
    // An unclosed fence: keep what it holds rather than lose it.
    const closed = stack.pop()!;
    if (closed.kind === 'letterhead') target().push(letterhead(closed));
    else target().push(...closed.blocks);
  }
  return out;
}

function letterhead(closed: { lines: string[]; contacts?: string[] }): Block {
  return { type: 'letterhead', lines: closed.lines, contacts: closed.contacts ?? [] };
}
