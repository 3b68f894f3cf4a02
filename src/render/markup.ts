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
 *   ~                   an empty line kept inside a block (room for a signature)
 *   ---                 a horizontal rule
 *   ::: letterhead      the lines up to ':::' are the letterhead, centred at the top
 *   ::: center/right    the blocks up to ':::' are centred / set right
 *   ::: keep            the blocks up to ':::' stay together on one page (closing, signature)
 *
 * Text that comes from case files is passed through `escapeData` before it reaches a template,
 * so a case that writes "- " or "# " at the start of a line is printed, not read as markup.
 */
import type { Align, Block, Line, ListItem } from './letter.js';

/** Marks a line start as plain text; never printed. Private use: no case text carries it. */
const LITERAL = '\uE000';

/** Makes a string from case data safe to put into a template: no markup, one line. */
export function escapeData(s: string): string {
  if (s === '') return s;
  return LITERAL + s.replaceAll(LITERAL, '').replace(/\s*\n\s*/g, ' ');
}

/** Applies `escapeData` to every string in a value (objects and arrays are copied). */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeData(value) as T;
  if (Array.isArray(value)) return value.map(escapeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)])) as T;
  }
  return value;
}

function clean(s: string): string {
  return s.replaceAll(LITERAL, '').replace(/[ \t]+$/, '');
}

const BULLET = /^[-•*·]\s+(.*)$/;
const NUMBERED = /^(\d{1,3}[.)])\s+(.*)$/;
const FENCE = /^:::\s*(letterhead|center|centre|right|keep)?\s*$/;

/** Reads rendered template text into blocks. */
export function parseMarkup(text: string): Block[] {
  const out: Block[] = [];
  // Each open fence collects the blocks inside it.
  const stack: { kind: string; blocks: Block[]; lines: string[] }[] = [];
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
        if (closed.kind === 'letterhead') holder.push({ type: 'letterhead', lines: closed.lines });
        else if (closed.kind === 'keep') holder.push({ type: 'keep', blocks: closed.blocks });
        else holder.push(...closed.blocks);
      }
      continue;
    }
    if (inLetterhead) {
      if (clean(line).trim()) stack[stack.length - 1]!.lines.push(clean(line).trim());
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
        list.items.push({ marker: numbered ? numbered[1]! : '•', text: clean(numbered ? numbered[2]! : bullet![1]!) });
        continue;
      }
      if (body.startsWith('# ')) {
        if (list) flush();
        paragraph.push({ indent, text: clean(body.slice(2)).trim(), bold: true });
        continue;
      }
    }
    if (list) flush();
    paragraph.push({ indent, text: clean(body), bold: false });
  }
  flush();
  while (stack.length) {
    // An unclosed fence: keep what it holds rather than lose it.
    const closed = stack.pop()!;
    if (closed.kind === 'letterhead') target().push({ type: 'letterhead', lines: closed.lines });
    else target().push(...closed.blocks);
  }
  return out;
}
