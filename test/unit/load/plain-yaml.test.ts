import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../../src/load/plain-yaml.js';

const REPO = join(import.meta.dirname, '..', '..', '..');

/** What js-yaml reads, or 'refused'. */
function jsYaml(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return 'refused';
  }
}

/** Whether the reader gives js-yaml's value (same JSON, same key order), or leaves the text to it. */
function agrees(text: string): 'read' | 'left' | 'differs' {
  const read = readPlainYaml(text);
  if (!read) return 'left';
  const expected = jsYaml(text);
  return expected !== 'refused' && isDeepStrictEqual(read.value, expected) && JSON.stringify(read.value) === JSON.stringify(expected)
    ? 'read'
    : 'differs';
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(REPO, dir, f));

// The line reader stands in for js-yaml on the files appeal writes and most case files: it must
// give js-yaml's value to the last key, or leave the file to js-yaml.
describe('readPlainYaml', () => {
  const files = ['cases', 'register', 'signatories', 'data'].flatMap(yamlFiles);

  it("reads the example workspace's files and the built-in data as js-yaml does", () => {
    const results = files.map((f) => agrees(readFileSync(f, 'utf8')));
    expect(results.filter((r) => r === 'differs')).toEqual([]);
    expect(results.filter((r) => r === 'read').length).toBeGreaterThan(files.length / 2);
  });

  it('reads the forms it knows as js-yaml does', () => {
    const texts = [
      '# a comment\na: 1\n  # another\nc: 0x1F\nd: 1_000\ne: 1e5\nf: .5\ng: .inf\nh: true\ni: True\nj: ~\nk: null\nl: 2020-01-01\nm: 012\n',
      'a:\n- x\n- y\nb:\n  - z\nc: []\nd: [x, 1, true, ~]\ne:\n',
      "a: 'it''s'\nb: \"quoted: yes\"\nc: 'x: y'\n",
      'a: >-\n  one\n  two\nb: >\n  one\n  two\n\n\nc: |\n  one\n  two\nd: |-\n  one\n  two\n',
      'events:\n  - date: 2020-01-01\n    text: >-\n      a text: with a colon\n      - and a dash\n    see: [x]\n  - date: 2020-01-02\n',
      '- a\n',
      'a:\n  - k:\n    - x\n    j: y\n',
      'a: b:c\nd: http://x.org/a?b=c&d\ne: [a b, c]\n',
    ];
    for (const text of texts)
      expect([text, agrees(text)]).toEqual([text, jsYaml(text) === 'refused' ? 'left' : expect.stringMatching(/read|left/)]);
    expect(agrees(texts[0]!)).toBe('read');
    expect(agrees(texts[4]!)).toBe('read');
  });

  it('leaves to js-yaml what it does not read: comments, tabs, multi-line scalars, blank lines in a block, twice a key', () => {
    for (const text of [
      'a: b # note\n',
      'a: >-\n  one\n  # two\n',
      'a: >-\n  one\n# two\n',
      'a: -0\n',
      'a:\tb\n',
      'a: b\r\n',
      'a: one\n  two\n',
      "a: 'one\n  two'\n",
      'a: >-\n  one\n\n  two\n',
      'a: >-\n  one\n    two\n',
      'a: 1\na: 2\n',
      'True: 1\n',
      'a: "x\\ty"\n',
      '--- \na: 1\n',
      'a: {b: 1}\n',
      'a: b \n',
      'a: &x 1\n',
      '',
    ]) {
      expect([text, readPlainYaml(text)]).toEqual([text, undefined]);
    }
  });

  it("gives js-yaml's value for thousands of edits of real files, or leaves them", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const bits = [
      ' ',
      '\n',
      '- ',
      ': ',
      ':',
      '>-',
      '|',
      '[',
      ']',
      ',',
      "'",
      '"',
      'True',
      '~',
      '0x1F',
      '1e5',
      '-',
      '  - x',
      '\n  ',
      'a: b',
      '.5',
    ];
    let read = 0;
    for (const f of files.slice(0, 40)) {
      const lines = readFileSync(f, 'utf8').split('\n');
      for (let k = 0; k < 40; k++) {
        const ls = [...lines];
        const at = next(ls.length);
        const line = ls[at]!;
        const op = next(4);
        if (op === 0) {
          const pos = next(line.length + 1);
          ls[at] = line.slice(0, pos) + bits[next(bits.length)] + line.slice(pos);
        } else if (op === 1) ls.splice(at, 1);
        else if (op === 2) ls[at] = ' '.repeat(1 + next(2)) + line;
        else ls[at] = line.replace(/^ {1,2}/, '');
        const text = ls.join('\n');
        const result = agrees(text);
        expect([text, result]).not.toEqual([text, 'differs']);
        if (result === 'read') read++;
      }
    }
    expect(read).toBeGreaterThan(100);
  });
});
