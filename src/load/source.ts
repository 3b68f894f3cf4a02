/**
 * A YAML file as read from disk, with the positions of its nodes, so that every problem
 * found later (by zod or by the planner) can name file:line:col.
 */
import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { AppealError, type Problem } from '../errors.js';

export type KeyPath = (string | number)[];

export interface Position {
  line: number;
  col: number;
}

export class YamlSource {
  constructor(
    /** Path as shown to the user, relative to the workspace. */
    readonly file: string,
    readonly text: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** The plain JavaScript value of the document. */
  get data(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
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

/** Parses YAML text; a syntax error is an AppealError at its line and column. */
export function parseYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => {
    const p = lines.linePos(e.pos[0]);
    const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    return {
      file,
      line: p.line,
      col: p.col,
      message:
        `this is not valid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}. Fix the syntax ` +
        `at this place (indentation, a missing ':' or an unclosed quote are the usual causes).`,
    };
  });
  if (problems.length) throw new AppealError(problems);
  return new YamlSource(file, text, doc, lines);
}

/** Reads and parses a YAML file; `shown` is the name used in messages. */
export function readYaml(absPath: string, shown: string): YamlSource {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    throw new AppealError({ file: shown, message: `cannot read this file (${(e as NodeJS.ErrnoException).code ?? String(e)}).` });
  }
  return parseYaml(shown, text);
}
