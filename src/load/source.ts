/**
 * A YAML file as read from disk, with the positions of its nodes, so that every problem
 * found later (by zod or by the planner) can name file:line:col.
 *
 * Plain files (no tags, anchors, aliases, flow mappings, control characters: every case file and
 * register entry appeal writes) are read to js-yaml's value, several times faster than composing
 * a document with positions: most by a line reader of their usual forms (plain-yaml.ts), the rest
 * by js-yaml itself; the positions are composed by `yaml` only when a problem is to be located.
 * Anything else, and any file js-yaml refuses, is read by `yaml` as before, so every message
 * stays the same.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { AppealError, systemProblem, type Problem } from '../errors.js';
import { readPlainYaml } from './plain-yaml.js';

export type KeyPath = (string | number)[];

export interface Position {
  line: number;
  col: number;
}

interface Composed {
  doc: Document.Parsed;
  lines: LineCounter;
}

function compose(text: string): Composed {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

export class YamlSource {
  private composed: Composed | undefined;

  constructor(
    /** Path as shown to the user, relative to the workspace. */
    readonly file: string,
    readonly text: string,
    composed: Composed | undefined,
    /** The value js-yaml read, for a plain file (see quickRead); the document is then composed on first use. */
    private readonly quick?: { value: unknown },
  ) {
    this.composed = composed;
  }

  /** The document, with the position of every node. */
  get doc(): Document.Parsed {
    return (this.composed ??= compose(this.text)).doc;
  }

  private get lines(): LineCounter {
    return (this.composed ??= compose(this.text)).lines;
  }

  /** The plain JavaScript value of the document. */
  get data(): unknown {
    return this.quick ? this.quick.value : this.exactData;
  }

  /** The value as `yaml` reads it from the document: what messages about the file are worded from. */
  get exactData(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /** True when `data` came from js-yaml: `exactData` is then the same value, composed again. */
  get readQuickly(): boolean {
    return this.quick !== undefined;
  }

  /** Line and column of an offset in the text. */
  linePos(offset: number): Position {
    return this.pos(offset);
  }

  private pos(offset: number): Position {
    const p = this.lines.linePos(offset);
    return { line: p.line, col: p.col };
  }

  /**
   * Where a key path is in the file. For a key that is present, its key (for `keyOnly`) or
   * its value; for a missing key, the nearest parent that exists.
   */
  position(path: KeyPath, keyOnly = false): Position {
    let node: unknown = this.doc.contents;
    let best: Position = { line: 1, col: 1 };
    if (node && (node as Node).range) best = this.pos((node as Node).range![0]);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return best;
        const last = i === path.length - 1;
        const keyNode = pair.key as Node;
        if (last && keyOnly && keyNode.range) return this.pos(keyNode.range[0]);
        const value = pair.value as Node | null;
        if (value && value.range) best = this.pos(value.range[0]);
        else if (keyNode.range) best = this.pos(keyNode.range[0]);
        node = value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return best;
        if (item.range) best = this.pos(item.range[0]);
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }

  /** A problem located at a key path of this file. */
  problem(path: KeyPath, message: string, keyOnly = false): Problem {
    const { line, col } = this.position(path, keyOnly);
    return { file: this.file, line, col, key: path.length ? path.join('.') : undefined, message };
  }

  /** Every string scalar in the file, with its key path: to find where a character came from. */
  *strings(): Generator<{ path: KeyPath; value: string }> {
    function* walk(node: unknown, path: KeyPath): Generator<{ path: KeyPath; value: string }> {
      if (isMap(node)) {
        for (const p of node.items) {
          if (isPair(p) && isScalar(p.key)) yield* walk(p.value, [...path, String(p.key.value)]);
        }
      } else if (isSeq(node)) {
        let i = 0;
        for (const item of node.items) yield* walk(item, [...path, i++]);
      } else if (isScalar(node) && typeof node.value === 'string') {
        yield { path, value: node.value };
      }
    }
    yield* walk(this.doc.contents, []);
  }
}

/** Limits no real file reaches; past them a file is refused quickly, in bounded memory. */
export const LIMITS = {
  /** Bytes of one YAML file or template. */
  fileBytes: 1024 * 1024,
  /** Levels of nesting: brackets, or indentation in columns. */
  flowDepth: 32,
  indentColumns: 128,
  /** Aliases (*name) in one file. */
  aliases: 100,
};

/** C0 and C1 control characters other than tab and newline: never in a letter. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Friendlier words for what the yaml library reports, by its error code. */
function syntaxMessage(code: string, raw: string): string {
  const first = raw
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/;? ?please use [\w.()]+/i, '');
  if (code === 'MULTIPLE_DOCS') {
    return "this file holds more than one YAML document (a line '---' starts another): keep one document per file.";
  }
  if (code === 'MISSING_CHAR' && /quote/i.test(first)) {
    return 'a quoted text is not closed: add the closing quote where the text ends (a quote opened on this value or above it).';
  }
  if (code === 'DUPLICATE_KEY') return 'this key is given twice in the same mapping: keep one of them.';
  if (code === 'TAG_RESOLVE_FAILED') {
    return (
      `the tag '${first.replace(/^Unresolved tag: /, '')}' is not used ` +
      `in appeal's files: remove it, and write the value as plain text.`
    );
  }
  const said = `${first.charAt(0).toLowerCase()}${first.slice(1)}`.replace(/\.$/, '');
  return (
    `this is not valid YAML: ${said}. Fix the syntax at this place ` +
    `(indentation, a missing ':' or an unclosed quote are the usual causes).`
  );
}

/** Where the quote that is never closed opens (the parser reports where the text ends). */
function openingQuote(text: string, pos: number, message: string): number {
  const quote = /'quote/.test(message) ? "'" : /"quote/.test(message) ? '"' : undefined;
  if (!quote) return pos;
  const before = text.slice(0, pos);
  let best = -1;
  for (const m of before.matchAll(new RegExp(`(?:^|[:\\-\\[,{]\\s*|^\\s*)(${quote})`, 'gm'))) best = m.index + m[0].length - 1;
  return best >= 0 ? best : pos;
}

/** Whether a text may nest too deep at all: more brackets than the limit, or a run of spaces past it. */
function mayNestTooDeep(text: string): boolean {
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) brackets++;
  return brackets > LIMITS.flowDepth || text.includes(' '.repeat(LIMITS.indentColumns + 1));
}

/** Nesting deeper than any real file, found in the text before the parser sees it. */
function nestingProblem(file: string, text: string): Problem | undefined {
  // Every file appeal writes, and any real one, is answered without walking it character by character.
  if (!mayNestTooDeep(text)) return undefined;
  let depth = 0;
  let quote = '';
  let line = 1;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    col++;
    if (c === '\n') {
      line++;
      col = 0;
      quote = quote === '"' ? quote : '';
      let indent = 0;
      while (text[i + 1 + indent] === ' ') indent++;
      if (indent > LIMITS.indentColumns) {
        return {
          file,
          line,
          col: 1,
          message: `this line is indented ${indent} columns: nesting so deep is not a case file. Keep it to a few levels.`,
        };
      }
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > LIMITS.flowDepth) {
        return {
          file,
          line,
          col,
          message: `brackets nest more than ${LIMITS.flowDepth} levels deep here: that is not a case file. Keep it to a few levels.`,
        };
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** Shows a text with its control characters visible: \x1b, \u0085. */
export function visible(s: string): string {
  return s.replace(new RegExp(CONTROL.source, 'g'), (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Problems of content the parser accepts but appeal does not: tags, control characters, aliases. */
function contentProblems(source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  let aliases = 0;
  const at = (node: Node) => {
    const { line, col } = source.linePos(node.range?.[0] ?? 0);
    return { file: source.file, line, col };
  };
  visit(source.doc, {
    Alias(_key, node) {
      if (++aliases === LIMITS.aliases + 1) {
        problems.push({ ...at(node), message: `more than ${LIMITS.aliases} aliases (*name) in one file: write the values out instead.` });
      }
    },
    Node(_key, node) {
      if (node.tag && !isAlias(node)) {
        problems.push({
          ...at(node),
          message:
            `the tag '${visible(node.tag)}' is not used in appeal's files: remove ` +
            `it, and write the value as plain text, a number, a list or a mapping.`,
        });
      }
      if (isScalar(node) && typeof node.value === 'string') {
        const m = CONTROL.exec(node.value);
        if (m) {
          problems.push({
            ...at(node),
            message:
              `this text holds the control character ${visible(m[0])}, which a ` +
              `letter cannot carry: remove it (only tab and new lines are allowed).`,
          });
        }
      }
    },
  });
  return problems;
}

/**
 * Syntax that js-yaml and `yaml` may read differently, or that appeal refuses, where a node starts:
 * directives, tags, anchors and aliases, flow mappings, explicit, null and list keys, binary numbers,
 * -0 and +.5. Such a file takes the slow path (so may a comment or text that only looks like them).
 */
const NOT_PLAIN = [
  /^%|__proto__/m,
  /(?:^|[:\-?[,{])[ \t]*(?:[!&*{]|\?\s|\[[^\]\n]*\][ \t]*:|(?:null|Null|NULL|~)?[ \t]*:(?:\s|$))/m,
  /(?:^|[:\-?[,{])[ \t]*(?:[-+]?0b[01_]+|-\.?0[0.]*|[-+]\.\d+)(?:[eE][-+]?\d+)?(?=\s|$|[,\]}])/m,
];

/** The text with its comments blanked out, for NOT_PLAIN: a '#' after a space, outside quotes. */
function withoutComments(text: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote === '"' && c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Whether a value read by js-yaml holds nothing `yaml` would read or check differently. */
function plainValue(v: unknown): boolean {
  if (typeof v === 'string') return !CONTROL.test(v);
  if (typeof v === 'number') return !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(plainValue);
  if (v !== null && typeof v === 'object') return Object.values(v).every(plainValue);
  return true;
}

/** The value of a plain file, read by js-yaml; undefined for anything else (see NOT_PLAIN). */
function quickRead(text: string): { value: unknown } | undefined {
  // Without a '#' there is no comment to blank out (most case files, every register entry).
  const syntax = text.includes('#') ? withoutComments(text) : text;
  if (NOT_PLAIN.some((re) => re.test(syntax))) return undefined;
  // The usual file is read line by line (plain-yaml.ts), to the value js-yaml gives it.
  let value = readPlainYaml(text)?.value;
  if (value === undefined) {
    try {
      value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
    } catch {
      return undefined; // `yaml` finds and words the problem
    }
  }
  return plainValue(value) ? { value: value ?? null } : undefined;
}

/** Parses YAML text; a syntax error is an AppealError at its line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a UTF-8 byte order mark
  const deep = nestingProblem(file, text);
  if (deep) throw new AppealError(deep);
  const quick = quickRead(text);
  if (quick) return new YamlSource(file, text, undefined, quick);
  const { doc, lines } = compose(text);
  const problems: Problem[] = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')].map((e) => {
    const p = lines.linePos(e.code === 'MISSING_CHAR' ? openingQuote(text, e.pos[0], e.message) : e.pos[0]);
    return { file, line: p.line, col: p.col, message: syntaxMessage(e.code, e.message) };
  });
  if (problems.length) throw new AppealError(problems);
  const source = new YamlSource(file, text, { doc, lines });
  const more = contentProblems(source);
  if (more.length) throw new AppealError(more);
  return source;
}

/** Reads and parses a YAML file; `shown` is the name used in messages. */
export function readYaml(absPath: string, shown: string): YamlSource {
  return parseYaml(shown, readText(absPath, shown, 'YAML'));
}

/**
 * Reads a text file appeal takes as input (YAML, a template): UTF-8, not too large. Anything else
 * is a sentence naming the file and what to do.
 */
export function readText(absPath: string, shown: string, what: string): string {
  const bytes = readBytes(absPath, shown);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new AppealError({
      file: shown,
      message:
        `this file is not UTF-8 text (it looks like UTF-16, or holds NUL ` +
        `bytes): save it as UTF-8 in your editor (${what} files are UTF-8).`,
    });
  }
  // isUtf8 (simdutf) and toString decode as TextDecoder's fatal decode does, several times faster;
  // like it, one byte order mark is dropped.
  if (!isUtf8(bytes)) {
    throw new AppealError({ file: shown, message: `this file is not valid UTF-8 text: save it as UTF-8 in your editor.` });
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file that is too large, named. */
function tooLarge(shown: string, size: number): AppealError {
  const mb = (size / 1024 / 1024).toFixed(1);
  return new AppealError({
    file: shown,
    message:
      `this file is ${mb} MB; appeal reads files of up to 1 MB, far more ` +
      `than any real case. Split it, or remove what does not belong in it.`,
  });
}

/** A file that cannot be read, in the words of the system call that failed. */
function unreadable(e: unknown, shown: string): AppealError {
  if (e instanceof AppealError) return e;
  const problem = systemProblem(e);
  return new AppealError({ file: shown, message: problem ? problem.message : `cannot read this file (${String(e)}).` });
}

/** The one buffer every file is read into (its text is decoded before the next is read). */
let readBuffer: Buffer | undefined;

/**
 * The bytes of a file of at most LIMITS.fileBytes, in a buffer that the next call reuses: decode
 * them before reading another file. One open file gives the bytes, read into that buffer until
 * the end or one byte past the limit: a stat by path before readFileSync costs one more path
 * lookup for each of validate's thousands of files, and an fstat and a fresh buffer per file
 * cost more than the read that finds the end. A file that will not open is read again by path,
 * so that its message names the same failing call as it always did (stat, not open).
 */
function readBytes(absPath: string, shown: string): Buffer {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch {
    return readBytesByPath(absPath, shown);
  }
  try {
    const buf = (readBuffer ??= Buffer.allocUnsafe(LIMITS.fileBytes + 1));
    let n = 0;
    for (let got: number; n < buf.length && (got = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += got;
    if (n > LIMITS.fileBytes) throw tooLarge(shown, Math.max(n, fstatSync(fd).size));
    return buf.subarray(0, n);
  } catch (e) {
    throw unreadable(e, shown);
  } finally {
    closeSync(fd);
  }
}

function readBytesByPath(absPath: string, shown: string): Buffer {
  try {
    const size = statSync(absPath).size;
    if (size > LIMITS.fileBytes) throw tooLarge(shown, size);
    return readFileSync(absPath);
  } catch (e) {
    throw unreadable(e, shown);
  }
}
