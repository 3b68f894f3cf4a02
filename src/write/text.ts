/**
 * The letter as UTF-8 text: the same blocks as the PDF, wrapped at a fixed width
 * (72 columns by default), lists with hanging indents.
 *
 * Lines break at spaces only: never at a no-break space (U+00A0) or a narrow one (U+202F), which
 * are printed as plain spaces. A URL or an e-mail address is never cut: one longer than the line
 * stands on a line of its own. Inline styles are not shown; the words are printed without marks.
 */
import type { Block, Letter } from '../render/letter.js';

/** Width of a string in columns: characters, not UTF-16 units; combining marks take none. */
export function columns(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let n = 0;
  for (const ch of s.normalize('NFC')) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** White space a line may break at: all of it but the no-break spaces U+00A0, U+2007, U+202F and U+FEFF. */
const BREAKING_SPACE = /[\t\n\v\f\r \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/;
const NO_BREAK_SPACE = /[\u00a0\u202f]/g;
/** A word that is, or holds, a URL or an e-mail address. */
const ADDRESS = /(?:^|[^\p{L}\p{N}])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S|[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.[\p{L}\p{N}]/iu;

/** Whether `word` is, or holds, a URL ("https://…", "www.…") or an e-mail address. */
export function isAddress(word: string): boolean {
  return ADDRESS.test(word);
}

/**
 * Breaks `text` into lines of at most `width` columns. A word longer than a line is cut, except a
 * URL or an e-mail address, which then stands unbroken on a line of its own. No-break spaces hold
 * words together and are printed as spaces.
 */
export function wrap(text: string, width: number): string[] {
  const words = text.split(BREAKING_SPACE).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (let word of words) {
    // Length first: the address pattern (Unicode classes, case-insensitive) costs ~4 ms to compile
    // and warm up, paid by every text letter when it was tried on every word.
    if (columns(word) > width && isAddress(word)) {
      if (cur) lines.push(cur);
      lines.push(word);
      cur = '';
      continue;
    }
    while (columns(word) > width) {
      // A very long word: fill the line, then carry on with the rest.
      const room = cur ? width - columns(cur) - 1 : width;
      if (room < 8) {
        lines.push(cur);
        cur = '';
        continue;
      }
      const chars = [...word];
      const head = chars.slice(0, room).join('');
      lines.push(cur ? `${cur} ${head}` : head);
      cur = '';
      word = chars.slice(room).join('');
    }
    if (!cur) cur = word;
    else if (columns(cur) + 1 + columns(word) <= width) cur += ` ${word}`;
    else {
      lines.push(cur);
      cur = word;
    }
  }
  if (cur || lines.length === 0) lines.push(cur);
  return lines.map((l) => l.replace(NO_BREAK_SPACE, ' '));
}

function place(line: string, width: number, align: 'left' | 'center' | 'right'): string {
  if (align === 'left') return line;
  const free = Math.max(0, width - columns(line));
  return ' '.repeat(align === 'center' ? Math.floor(free / 2) : free) + line;
}

function renderBlock(block: Block, width: number): string[] {
  switch (block.type) {
    case 'letterhead': {
      const head = block.lines.flatMap((l) => wrap(l, width));
      if (block.contacts.length === 0) return head.map((w) => place(w, width, 'center'));
      const contacts = block.contacts.flatMap((l) => wrap(l, width));
      // The rule between the name and the contacts is as wide as the widest line of either.
      const rule = '-'.repeat(Math.min(width, Math.max(...[...head, ...contacts].map(columns))));
      return [...head, rule, ...contacts].map((w) => place(w, width, 'center'));
    }
    case 'rule':
      return ['-'.repeat(width)];
    case 'keep':
      return block.blocks.flatMap((b, i) => (i ? ['', ...renderBlock(b, width)] : renderBlock(b, width)));
    case 'paragraph':
      return block.lines.flatMap((l) => {
        const pad = ' '.repeat(l.indent);
        return wrap(l.text, width - l.indent).map((w) => place(pad + w, width, block.align));
      });
    case 'list': {
      const markerWidth = Math.max(...block.items.map((i) => columns(i.marker)));
      return block.items.flatMap((item) => {
        const indent = 2 + markerWidth + 1;
        const lines = wrap(item.text, width - indent);
        return lines.map((l, i) => (i === 0 ? `  ${item.marker.padStart(markerWidth)} ${l}` : `${' '.repeat(indent)}${l}`));
      });
    }
  }
}

/** The whole letter as text, blocks separated by a blank line, ending with a newline. */
export function renderText(letter: Letter, width: number): string {
  return letter.blocks.map((b) => renderBlock(b, width).join('\n')).join('\n\n') + '\n';
}
