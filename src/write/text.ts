/**
 * The letter as UTF-8 text: the same blocks as the PDF, wrapped at a fixed width
 * (72 columns by default), lists with hanging indents.
 */
import type { Block, Letter } from '../render/letter.js';

/** Width of a string in columns: characters, not UTF-16 units; combining marks take none. */
export function columns(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let n = 0;
  for (const ch of s.normalize('NFC')) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** Breaks `text` into lines of at most `width` columns; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let cur = '';
  for (let word of words) {
    while (columns(word) > width) {
      // A URL or a very long word: fill the line, then carry on with the rest.
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
  return lines;
}

function place(line: string, width: number, align: 'left' | 'center' | 'right'): string {
  if (align === 'left') return line;
  const free = Math.max(0, width - columns(line));
  return ' '.repeat(align === 'center' ? Math.floor(free / 2) : free) + line;
}

function renderBlock(block: Block, width: number): string[] {
  switch (block.type) {
    case 'letterhead':
      return block.lines.flatMap((l) => wrap(l, width).map((w) => place(w, width, 'center')));
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
