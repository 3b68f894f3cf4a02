/**
 * Page layout: turns the letter's blocks into lines placed on pages, before anything is drawn.
 * Knowing every page first gives "Page N of M" and exact keep-together / keep-with-next.
 *
 * Units are PDF points, y downwards from the top of the page (as pdfkit has it).
 */
import {
  runsOf,
  type Align,
  type Block,
  type Letter,
  type Letterhead,
  type LetterMeta,
  type Line,
  type List,
  type Paragraph,
  type Run,
  type TextStyle,
} from '../../render/letter.js';
import type { LoadedFace } from './fonts.js';
import { breakShaped, shape, visualLine, type DrawRun, type VisualLine } from './shape.js';
import { ReuseCache } from './reuse.js';

export const MM = 72 / 25.4;
export const PAGE_SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

export interface Geometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Type sizes and spacing, in points.
 *
 * The letterhead is one centred block: every line of the organisation's name (one per script) in
 * the same size and weight, `letterhead`, bold; under them, when there are contact lines, a thin
 * rule and the contacts in `small` type. Running heads and page numbers are `small` too.
 */
export const STYLE = {
  body: 11,
  letterhead: 12,
  small: 8.5,
  lineHeight: 1.3,
  /** Space after a paragraph, in lines. */
  paragraphGap: 0.6,
  /** Space between list items, in lines. */
  itemGap: 0.2,
  /** Room to sign: from the baseline of the closing ("Yours sincerely,") to the top of the name. */
  signature: 20 * MM,
  /** Space after the letterhead, in lines. */
  letterheadGap: 1.2,
  /** Space above and below the rule between the letterhead's name and its contacts, in points. */
  letterheadRuleGap: 3.5,
  /** The thin rule of the letterhead, in points. */
  letterheadRule: 0.4,
  /** An indent unit (Line.indent, list marker offset), in em. */
  indentEm: 0.5,
  ruleWidth: 0.5,
};

export function geometry(page: 'A4' | 'Letter'): Geometry {
  const [width, height] = PAGE_SIZES[page];
  const m = 25 * MM;
  return { width, height, top: m, bottom: height - m, left: m, right: width - m };
}

/** A node of the logical structure (for a tagged PDF): P, H1, L, LI, Lbl, LBody. */
export interface StructNode {
  id: number;
  type: string;
  parent: StructNode | null;
}

/** A run of a placed line: as DrawRun, with x measured from the page's left edge. */
export type PlacedRun = DrawRun;

export interface PlacedText {
  kind: 'text';
  /** Baseline. */
  y: number;
  runs: PlacedRun[];
  node: StructNode | null;
}

export interface PlacedRule {
  kind: 'rule';
  x1: number;
  x2: number;
  y: number;
  /** Line width, in points. */
  width: number;
}

export type PlacedItem = PlacedText | PlacedRule;

export interface PageLayout {
  items: PlacedItem[];
}

/** A line of a block, with its items placed relative to the line's top. */
interface BoxLine {
  height: number;
  /** Space above the line, dropped at the top of a page. */
  gapBefore: number;
  items: PlacedItem[];
}

interface Unit {
  lines: BoxLine[];
  keepTogether: boolean;
  keepWithNext: boolean;
  /**
   * Never alone at the top of a page (a `keep` block: closing and signature): when it must start
   * a new page, the last lines before it (at least two) come along.
   */
  notAlone?: boolean;
  /** Space after the unit (before the next one). */
  gapAfter: number;
}

/** A logical line broken to fit a width: its lines as drawn, and its direction. */
interface Broken {
  rtl: boolean;
  lines: VisualLine[];
}

/**
 * Logical lines already shaped and broken, per list of faces, under their text, styles, size and
 * width: most of a letter (addresses, mandates, fixed phrases, the signature) is the same in every
 * letter of a batch, and shaping and breaking a line is most of the cost of laying it out. The
 * lines are never changed once made (placedText copies their runs). A paragraph is kept once met
 * twice (reuse.ts): a case's own paragraphs are let go soon.
 */
const broken = new WeakMap<LoadedFace[], ReuseCache<Broken>>();

function brokenLines(faces: LoadedFace[], content: string | Run[], size: number, style: TextStyle, avail: number): Broken {
  let cache = broken.get(faces);
  if (!cache) broken.set(faces, (cache = new ReuseCache(500, 5_000)));
  const runs = typeof content === 'string' ? [{ text: content, style }] : content;
  let key = `${size} ${avail}`;
  for (const r of runs) key += `\u0000${r.style}\u0000${r.text}`;
  return cache.get(key, () => {
    const sh = shape(runs, size, faces);
    return { rtl: sh.rtl, lines: breakShaped(sh, () => avail).map(([from, to]) => visualLine(sh, from, to)) };
  });
}

class Builder {
  private nextId = 1;
  constructor(
    readonly geo: Geometry,
    readonly faces: LoadedFace[],
  ) {}

  node(type: string, parent: StructNode | null): StructNode {
    return { id: this.nextId++, type, parent };
  }

  get width(): number {
    return this.geo.right - this.geo.left;
  }

  /** Lines of one logical line of text: broken to fit, each placed per its alignment. */
  textLines(
    content: string | Run[],
    size: number,
    style: TextStyle,
    align: Align | 'center',
    indent: number,
    node: StructNode | null,
  ): BoxLine[] {
    const lh = size * STYLE.lineHeight;
    const indentW = indent * STYLE.indentEm * size;
    const avail = Math.max(this.width - indentW, size * 4);
    const { rtl, lines } = brokenLines(this.faces, content, size, style, avail);
    // Alignment is relative to the line's direction: "left" means the start of the line.
    const side = align === 'center' ? 'center' : (align === 'left') !== rtl ? 'left' : 'right';
    return lines.map((vl) => {
      let x0: number;
      if (side === 'left') x0 = rtl ? this.geo.left : this.geo.left + indentW;
      else if (side === 'right') x0 = this.geo.right - vl.width - (rtl ? indentW : 0);
      else x0 = this.geo.left + indentW + (avail - vl.width) / 2;
      return { height: lh, gapBefore: 0, items: [placedText(vl, x0, baselineOffset(size), node)] };
    });
  }

  paragraph(p: Paragraph, parent: StructNode | null): Unit {
    const heading = p.keepWithNext && p.lines.length > 0 && p.lines.every((l: Line) => l.bold || l.text.trim() === '');
    const node = this.node(heading ? 'H1' : 'P', parent);
    const lines: BoxLine[] = [];
    const lh = STYLE.body * STYLE.lineHeight;
    // Empty lines (`~`) between two lines of text are room for a signature: at least STYLE.signature
    // from the baseline of the line above to the top of the line below (a full em above its baseline).
    const sign = STYLE.signature + STYLE.body - lh;
    let empty = 0;
    p.lines.forEach((l) => {
      if (!l.text) {
        empty++;
        return;
      }
      if (empty > 0) lines.push({ height: lines.length > 0 ? Math.max(empty * lh, sign) : empty * lh, gapBefore: 0, items: [] });
      empty = 0;
      lines.push(...this.textLines(runsOf(l), STYLE.body, 'regular', p.align, l.indent, node));
    });
    if (empty > 0) lines.push({ height: empty * lh, gapBefore: 0, items: [] });
    return { lines, keepTogether: false, keepWithNext: p.keepWithNext, gapAfter: STYLE.paragraphGap * STYLE.body * STYLE.lineHeight };
  }

  list(l: List, parent: StructNode | null): Unit[] {
    const size = STYLE.body;
    const lh = size * STYLE.lineHeight;
    const listNode = this.node('L', parent);
    const markers = l.items.map((it) => shape(it.marker, size, this.faces));
    const markerW = Math.max(0, ...markers.map((m) => visualLine(m, 0, m.text.length).width));
    const markerStart = STYLE.indentEm * size * 2;
    const bodyOffset = markerStart + markerW + STYLE.indentEm * size * 1.2;
    const avail = Math.max(this.width - bodyOffset, size * 4);
    const units: Unit[] = [];
    l.items.forEach((it, k) => {
      const li = this.node('LI', listNode);
      const lbl = this.node('Lbl', li);
      const body = this.node('LBody', li);
      const { rtl, lines: drawn } = brokenLines(this.faces, runsOf(it), size, 'regular', avail);
      const mk = visualLine(markers[k]!, 0, markers[k]!.text.length);
      const lines: BoxLine[] = drawn.map((vl, n) => {
        const x0 = rtl ? this.geo.right - bodyOffset - vl.width : this.geo.left + bodyOffset;
        const items: PlacedItem[] = [placedText(vl, x0, baselineOffset(size), body)];
        if (n === 0) {
          // Numbers are right-aligned in the marker column (so "9." and "10." line up), bullets left.
          const mx = rtl
            ? this.geo.right - markerStart - (l.ordered ? markerW : mk.width)
            : this.geo.left + markerStart + (l.ordered ? markerW - mk.width : 0);
          items.unshift(placedText(mk, mx, baselineOffset(size), lbl));
        }
        return { height: lh, gapBefore: 0, items };
      });
      const last = k === l.items.length - 1;
      units.push({
        lines,
        keepTogether: false,
        keepWithNext: false,
        gapAfter: last ? STYLE.paragraphGap * lh : STYLE.itemGap * lh,
      });
    });
    return units;
  }

  rule(): Unit {
    const lh = STYLE.body * STYLE.lineHeight;
    return {
      lines: [
        {
          height: lh * 0.6,
          gapBefore: 0,
          items: [{ kind: 'rule', x1: this.geo.left, x2: this.geo.right, y: lh * 0.3, width: STYLE.ruleWidth }],
        },
      ],
      keepTogether: true,
      keepWithNext: false,
      gapAfter: STYLE.paragraphGap * lh,
    };
  }

  letterhead(b: Letterhead, parent: StructNode | null): Unit {
    const out: BoxLine[] = [];
    for (const text of b.lines) out.push(...this.textLines(text, STYLE.letterhead, 'bold', 'center', 0, this.node('P', parent)));
    if (b.contacts.length > 0) {
      const gap = STYLE.letterheadRuleGap;
      // The rule spans the widest line of the block, name or contacts.
      const w = Math.max(...out.map(lineWidth));
      const contacts: BoxLine[] = [];
      for (const text of b.contacts) contacts.push(...this.textLines(text, STYLE.small, 'regular', 'center', 0, this.node('P', parent)));
      const half = Math.min(this.width, Math.max(w, ...contacts.map(lineWidth))) / 2;
      const mid = (this.geo.left + this.geo.right) / 2;
      out.push({
        height: 2 * gap,
        gapBefore: 0,
        items: [{ kind: 'rule', x1: mid - half, x2: mid + half, y: gap, width: STYLE.letterheadRule }],
      });
      out.push(...contacts);
    }
    return { lines: out, keepTogether: true, keepWithNext: false, gapAfter: STYLE.letterheadGap * STYLE.body * STYLE.lineHeight };
  }

  units(blocks: Block[], parent: StructNode | null): Unit[] {
    const out: Unit[] = [];
    for (const b of blocks) {
      switch (b.type) {
        case 'paragraph':
          out.push(this.paragraph(b, parent));
          break;
        case 'list':
          if (b.items.length > 0) out.push(...this.list(b, parent));
          break;
        case 'rule':
          out.push(this.rule());
          break;
        case 'letterhead':
          if (b.lines.length + b.contacts.length > 0) out.push(this.letterhead(b, parent));
          break;
        case 'keep': {
          const inner = this.units(b.blocks, parent);
          if (inner.length === 0) break;
          const lines: BoxLine[] = [];
          inner.forEach((u, k) => {
            const first = u.lines[0];
            if (k > 0 && first) first.gapBefore = Math.max(first.gapBefore, inner[k - 1]!.gapAfter);
            lines.push(...u.lines);
          });
          out.push({
            lines,
            keepTogether: true,
            notAlone: true,
            keepWithNext: inner[inner.length - 1]!.keepWithNext,
            gapAfter: inner[inner.length - 1]!.gapAfter,
          });
          break;
        }
      }
    }
    return out;
  }
}

/** The width of the text of a laid-out line (its runs, from the leftmost to the right end of the last). */
function lineWidth(l: BoxLine): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of l.items) {
    if (it.kind !== 'text') continue;
    for (const r of it.runs) {
      lo = Math.min(lo, r.x);
      hi = Math.max(hi, r.x + r.width);
    }
  }
  return hi > lo ? hi - lo : 0;
}

/** A drawn line (its runs relative to its left end) placed with its left end at x0 and its baseline at y. */
function placedText(vl: VisualLine, x0: number, y: number, node: StructNode | null): PlacedText {
  return { kind: 'text', y, runs: vl.runs.map((r) => ({ ...r, x: x0 + r.x })), node };
}

function baselineOffset(size: number): number {
  // Half the leading above the ascender (DejaVu's ascent is 0.93 em): baseline about 1 em below the line's top.
  return size * ((STYLE.lineHeight - 1.16) / 2 + 0.93);
}

function height(lines: BoxLine[], atTop: boolean): number {
  let h = 0;
  lines.forEach((l, k) => (h += (k === 0 && atTop ? 0 : l.gapBefore) + l.height));
  return h;
}

/** A line placed on the current page: which line of which unit, and where the page stood before it. */
interface Placed {
  unit: number;
  line: number;
  /** Index of its first item in the page's items. */
  item: number;
  y: number;
  atTop: boolean;
}

/**
 * Where to cut the lines placed on a page so that the lines after the cut can go to the next page
 * with a unit that must not stand alone: at least two lines, never leaving one line of a unit
 * behind, never taking only part of a unit kept together, never leaving a keep-with-next unit
 * (a heading) behind at the foot. -1 when no cut leaves something on the page.
 */
function carryFrom(placed: Placed[], units: Unit[]): number {
  let j = placed.length - 2;
  for (let moved = true; moved && j > 0;) {
    moved = false;
    const u = placed[j]!.unit;
    // the first line of this unit on this page
    let first = j;
    while (first > 0 && placed[first - 1]!.unit === u) first--;
    if (units[u]!.keepTogether || j - first === 1) {
      moved = j !== first;
      j = first;
    }
    if (j > 0 && units[placed[j - 1]!.unit]!.keepWithNext) {
      j--;
      moved = true;
    }
  }
  return j > 0 ? j : -1;
}

/** Lays the letter out on pages. */
export function layoutLetter(letter: Letter, geo: Geometry, faces: LoadedFace[]): PageLayout[] {
  const b = new Builder(geo, faces);
  const units = b.units(letter.blocks, null);
  const bodyHeight = geo.bottom - geo.top;
  const pages: PageLayout[] = [{ items: [] }];
  let placed: Placed[] = [];
  let y = geo.top;
  let atTop = true;
  const newPage = (): void => {
    pages.push({ items: [] });
    placed = [];
    y = geo.top;
    atTop = true;
  };
  const place = (unit: number, line: number): void => {
    const l = units[unit]!.lines[line]!;
    const items = pages[pages.length - 1]!.items;
    placed.push({ unit, line, item: items.length, y, atTop });
    const top = y + (atTop ? 0 : l.gapBefore);
    for (const it of l.items) items.push({ ...it, y: top + it.y });
    y = top + l.height;
    atTop = false;
  };
  const room = (): number => geo.bottom - y;
  /** Takes the lines after the cut off this page (see carryFrom), when they fit on a page with `u`. */
  const takeBack = (u: Unit): Placed[] => {
    const j = carryFrom(placed, units);
    if (j < 0) return [];
    const carried = placed.slice(j);
    if (height([...carried.map((p) => units[p.unit]!.lines[p.line]!), ...u.lines], true) > bodyHeight) return [];
    pages[pages.length - 1]!.items.length = carried[0]!.item;
    ({ y, atTop } = carried[0]!);
    placed.length = j;
    return carried;
  };

  units.forEach((u, ui) => {
    if (u.lines.length === 0) return;
    if (ui > 0) u.lines[0]!.gapBefore = Math.max(u.lines[0]!.gapBefore, units[ui - 1]!.gapAfter);
    // Keep-with-next: this unit, any that follow it with the same flag, and the start of the next one.
    if (u.keepWithNext && !atTop) {
      const chain: BoxLine[] = [];
      let k = ui;
      while (k < units.length && units[k]!.keepWithNext) chain.push(...units[k++]!.lines);
      const next = units[k];
      if (next) chain.push(...(next.keepTogether ? next.lines : next.lines.slice(0, Math.min(2, next.lines.length))));
      const need = height(chain, false);
      if (need > room() && height(chain, true) <= bodyHeight) newPage();
    }
    if (u.keepTogether && !atTop) {
      if (height(u.lines, false) > room() && height(u.lines, true) <= bodyHeight) {
        const carried = u.notAlone ? takeBack(u) : [];
        newPage();
        for (const p of carried) place(p.unit, p.line);
      }
    }
    let idx = 0;
    const n = u.lines.length;
    while (idx < n) {
      // how many of the remaining lines fit on this page
      let k = 0;
      let h = 0;
      while (idx + k < n) {
        const l = u.lines[idx + k]!;
        const add = (k === 0 && atTop ? 0 : l.gapBefore) + l.height;
        if (h + add > room() + 0.01) break;
        h += add;
        k++;
      }
      const left = n - idx;
      if (k < left && !u.keepTogether) {
        if (k < 2 && left >= 2 && !atTop)
          k = 0; // no single first line at the foot of a page
        else if (left - k === 1 && !atTop) k = k >= 3 ? k - 1 : 0; // nor a single last line at the head of the next
      }
      if (k === 0 && atTop) k = 1; // a line taller than the page: place it anyway
      for (let j = 0; j < k; j++) place(ui, idx + j);
      idx += k;
      if (idx < n) newPage();
    }
  });
  return pages;
}

/** The running head of page n of m: `runningHead` with {page} and {pages} filled in. */
export function runningHead(head: string, n: number, m: number): string {
  return head.replaceAll('{page}', String(n)).replaceAll('{pages}', String(m));
}

/**
 * Header and footer of page n of m. With `meta.runningHead`: that head, filled in, at the top of
 * pages 2..m, and no footer (its words are the letter's language; page 1 has no head). Without it:
 * the reference at the top of pages 2..m, and "Page n of m" at the foot of every page when there
 * is more than one.
 */
export function furniture(meta: LetterMeta, n: number, m: number, geo: Geometry, faces: LoadedFace[]): PlacedText[] {
  const out: PlacedText[] = [];
  const place = (text: string, y: number, align: 'left' | 'center'): void => {
    const sh = shape(text, STYLE.small, faces);
    const vl = visualLine(sh, 0, sh.text.length);
    const x0 = align === 'left' ? (sh.rtl ? geo.right - vl.width : geo.left) : (geo.left + geo.right - vl.width) / 2;
    out.push(placedText(vl, x0, y, null));
  };
  const head = meta.runningHead === undefined ? meta.reference : runningHead(meta.runningHead, n, m);
  if (n > 1 && head.trim()) place(head, geo.top / 2 + STYLE.small / 2, 'left');
  if (m > 1 && meta.runningHead === undefined)
    place(`Page ${n} of ${m}`, geo.bottom + (geo.height - geo.bottom) / 2 + STYLE.small / 2, 'center');
  return out;
}
