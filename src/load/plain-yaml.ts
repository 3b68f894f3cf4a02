/**
 * A reader for the YAML that appeal writes and that case files are mostly made of: block mappings
 * and sequences, plain and simply quoted one-line scalars, one-line flow sequences of plain
 * scalars, folded or literal block scalars of evenly indented lines, whole-line comments. It gives
 * exactly the value js-yaml gives (scalars are resolved by js-yaml's own core schema), at a
 * fraction of its cost (each line is looked at once, not each character). For anything else (a
 * comment after a value or near a block scalar, tabs, trailing spaces, multi-line plain or quoted
 * scalars, blank or more indented lines in a block scalar, escapes, anchors, tags, explicit keys,
 * a document marker, a key given twice, a file that is not a mapping...) it answers undefined,
 * and js-yaml reads the file as before. */
import jsyaml from 'js-yaml';

/** js-yaml's implicit types of its core schema (null, bool, int, float), in the order it tries them. */
type ImplicitType = { resolve(data: string): boolean; construct(data: string): unknown };
const implicit = (jsyaml.CORE_SCHEMA as unknown as { compiledImplicit: ImplicitType[] }).compiledImplicit;

/** A plain scalar as js-yaml resolves it (the first implicit type that resolves it, else the text). */
function resolvePlain(s: string): unknown {
  // Past 5 characters, only a number is not text, and a number starts with a digit, a sign or '.'.
  const c = s.charCodeAt(0);
  if (s.length > 5 && !(c >= 48 && c <= 57) && c !== 43 && c !== 45 && c !== 46) return s;
  for (const type of implicit) if (type.resolve(s)) return type.construct(s);
  return s;
}

/**
 * Characters this reader leaves to js-yaml: tabs, carriage returns, the characters js-yaml refuses
 * anywhere (its PATTERN_NON_PRINTABLE), and, so that one class says it, every surrogate (a text
 * beyond the BMP, an emoji, is read by js-yaml).
 */
const NOT_OURS = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** A key and what follows it on its line (undefined: nothing). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;

/** Characters a plain scalar may not start with (indicators), and what it may not hold. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_BREAK = /: |:$/;

/** A whole-line comment, as the reader sees it (no other line is a lone '#'). */
const COMMENT = '#';

/** Thrown inside the reader for anything outside what it reads; never leaves it. */
const NOT_READ = Symbol('not read');

class Reader {
  private i = 0;

  constructor(private readonly lines: string[]) {}

  /** The whole file: one block mapping at column 0, nothing after it. */
  file(): unknown {
    this.skipBlank();
    if (this.i >= this.lines.length || indentOf(this.lines[this.i]!) !== 0) throw NOT_READ;
    const value = this.mapping(0);
    this.skipBlank();
    if (this.i < this.lines.length) throw NOT_READ;
    return value;
  }

  /** Past blank and comment lines. */
  private skipBlank(): void {
    while (this.i < this.lines.length && (this.lines[this.i] === '' || this.lines[this.i] === COMMENT)) this.i++;
  }

  /**
   * The next line of a block at column n (blank and comment lines passed), or undefined where the
   * block ends (the file does, or a line less indented); a line more indented is not read.
   */
  private lineAt(n: number): string | undefined {
    this.skipBlank();
    if (this.i >= this.lines.length) return undefined;
    const line = this.lines[this.i]!;
    const indent = indentOf(line);
    if (indent < n) return undefined;
    if (indent > n) throw NOT_READ;
    return line;
  }

  /** A block mapping whose keys are at column n. */
  private mapping(n: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.lineAt(n); line !== undefined; line = this.lineAt(n)) {
      const m = KEY_LINE.exec(line.slice(n));
      if (!m) throw NOT_READ;
      const key = m[1]!;
      // A key js-yaml would read as null or a boolean ('True' becomes 'true'), or given twice.
      if (typeof resolvePlain(key) !== 'string' || Object.prototype.hasOwnProperty.call(out, key)) throw NOT_READ;
      this.i++;
      out[key] = m[2] === undefined ? this.child(n) : this.inline(m[2], n);
    }
    return out;
  }

  /** What a key with nothing after it on its line holds: the node below it, or null. */
  private child(n: number): unknown {
    this.skipBlank();
    if (this.i >= this.lines.length) return null;
    const line = this.lines[this.i]!;
    const indent = indentOf(line);
    const dash = line.startsWith('- ', indent);
    if (indent === n && dash) return this.sequence(n);
    if (indent <= n) return null;
    return dash ? this.sequence(indent) : this.mapping(indent);
  }

  /** A block sequence whose dashes are at column n. */
  private sequence(n: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lineAt(n); line !== undefined; line = this.lineAt(n)) {
      if (!line.startsWith('- ', n)) {
        if (KEY_LINE.test(line.slice(n))) return out; // the next key of the mapping it is a value in
        throw NOT_READ;
      }
      const item = line.slice(n + 2);
      if (item === '' || item.startsWith(' ')) throw NOT_READ;
      if (KEY_LINE.test(item)) {
        // A mapping that starts on the dash's line: its keys are at column n + 2.
        this.lines[this.i] = ' '.repeat(n + 2) + item;
        out.push(this.mapping(n + 2));
      } else {
        this.i++;
        out.push(this.inline(item, n));
      }
    }
    return out;
  }

  /** A value that starts on its key's (or dash's) line; `n` is the column of the node that holds it. */
  private inline(text: string, n: number): unknown {
    const first = text.charAt(0);
    if (first === '>' || first === '|') return this.blockScalar(text, n);
    if (first === '[') return flowSequence(text);
    if (first === "'") {
      const inner = text.slice(1, -1);
      if (text.length < 2 || !text.endsWith("'") || inner.replace(/''/g, '').includes("'")) throw NOT_READ;
      return inner.replace(/''/g, "'");
    }
    if (first === '"') {
      const inner = text.slice(1, -1);
      if (text.length < 2 || !text.endsWith('"') || inner.includes('"') || inner.includes('\\')) throw NOT_READ;
      return inner;
    }
    return plainScalar(text);
  }

  /** `>`, `>-`, `|` or `|-` and the evenly indented lines below it (none blank between them). */
  private blockScalar(header: string, n: number): string {
    if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') throw NOT_READ;
    const parts: string[] = [];
    let m = -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      // A comment line near a block scalar may be its text: js-yaml reads it.
      if (line === COMMENT) throw NOT_READ;
      if (line === '') {
        // Blank lines at the end are chomped; between lines they would count.
        let j = this.i;
        while (j < this.lines.length && this.lines[j] === '') j++;
        if (j < this.lines.length && (this.lines[j] === COMMENT || indentOf(this.lines[j]!) > n)) throw NOT_READ;
        break;
      }
      const indent = indentOf(line);
      if (m < 0) {
        if (indent <= n) throw NOT_READ; // empty: not ours
        m = indent;
      } else if (indent < m) {
        if (indent > n) throw NOT_READ;
        break;
      } else if (indent > m) throw NOT_READ;
      parts.push(line.slice(m));
      this.i++;
    }
    if (parts.length === 0) throw NOT_READ;
    const text = parts.join(header.charAt(0) === '>' ? ' ' : '\n');
    return header.length === 1 ? `${text}\n` : text;
  }
}

/** How many spaces a line starts with. */
function indentOf(line: string): number {
  let k = 0;
  while (line.charCodeAt(k) === 32) k++;
  return k;
}

/** A one-line plain scalar, resolved as js-yaml resolves it. */
function plainScalar(text: string): unknown {
  if (INDICATOR.test(text) || PLAIN_BREAK.test(text)) throw NOT_READ;
  return resolvePlain(text);
}

/** `[a, b, c]` on one line, of plain scalars. */
function flowSequence(text: string): unknown[] {
  if (!text.endsWith(']')) throw NOT_READ;
  const inner = text.slice(1, -1);
  if (/[[\]{}'"]/.test(inner)) throw NOT_READ;
  if (inner.trim() === '') return [];
  return inner.split(',').map((raw) => {
    const item = raw.trim();
    if (item === '' || item.includes(':')) throw NOT_READ;
    return plainScalar(item);
  });
}

/**
 * The value of a file, as js-yaml would read it with its core schema, or undefined when the file
 * holds anything this reader leaves to js-yaml.
 */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (NOT_OURS.test(text)) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const comments = text.includes('#');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.endsWith(' ')) return undefined;
    // A line that is a comment is skipped as a blank line is; a '#' anywhere else, js-yaml reads.
    if (comments && line.includes('#')) {
      if (line.charCodeAt(indentOf(line)) !== 35) return undefined;
      lines[k] = COMMENT;
    }
  }
  try {
    return { value: new Reader(lines).file() };
  } catch (e) {
    if (e === NOT_READ) return undefined;
    throw e;
  }
}
