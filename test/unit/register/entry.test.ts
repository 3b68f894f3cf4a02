/**
 * An entry's text: the same bytes as YAML's writer makes of it, whatever its values.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Entry } from '../../../src/load/schema.js';
import { serialiseEntry } from '../../../src/register/entry.js';

/** The entry as YAML's writer prints it, keys in the register's order. */
function written(e: Entry): string {
  const ordered: Record<string, unknown> = { reference: e.reference, number: e.number, date: e.date, case: e.case, kind: e.kind };
  if (e.update !== undefined) ordered.update = e.update;
  if (e.language !== undefined) ordered.language = e.language;
  Object.assign(ordered, { recipients: e.recipients, events: e.events, files: e.files });
  if (e.external) ordered.external = true;
  return stringify(ordered, { lineWidth: 0 });
}

const sha = 'a3190f'.padEnd(64, '0');
const entry = (over: Partial<Entry> = {}): Entry => ({
  reference: '475/2007',
  number: 475,
  date: '2007-12-23',
  case: 'metinpur',
  kind: 'update',
  update: 3,
  language: 'en',
  recipients: ['un-rapporteurs'],
  events: [{ date: '2007-12-17', id: '8a63be2140af' }],
  files: [{ path: 'out/2007/475-metinpur-update-3.txt', sha256: sha }],
  external: false,
  ...over,
});

describe('the text of an entry', () => {
  it('is laid out as the register shows it', () => {
    expect(serialiseEntry(entry())).toBe(
      [
        'reference: 475/2007',
        'number: 475',
        'date: 2007-12-23',
        'case: metinpur',
        'kind: update',
        'update: 3',
        'language: en',
        'recipients:',
        '  - un-rapporteurs',
        'events:',
        '  - date: 2007-12-17',
        '    id: 8a63be2140af',
        'files:',
        '  - path: out/2007/475-metinpur-update-3.txt',
        `    sha256: ${sha}`,
        '',
      ].join('\n'),
    );
  });

  it('is the bytes YAML writes, for values that must be quoted as well as plain ones', () => {
    // Strings that read back as numbers, booleans or null, or hold YAML's signs, are quoted by the writer.
    const strings = [
      'a', 'p0', 'x_y', '475/2007', 'UA AZE 1/2020', '2020-02-01', '123456789012', '1e5', '12e4', '0x1f', '0o17', '.5', '1.', '-1',
      '+3', 'true', 'True', 'FALSE', 'null', 'Null', '~', '', 'no', 'yes', 'on', '.inf', '.nan', '-a', '?', 'a: b', 'a:b', 'a #b',
      '#a', 'a#', '- x', '---', '...', "it's", '"q"', 'Əli', 'out/2020/1 a.txt', 'a\nb', ' lead', 'trail ', '@x', '%x', '`x', '!x',
      '&x', '*x', '[x]', '{x}', 'x,y', '|', '>', '0', '007', sha, '8e1234567890'.padEnd(64, '1'),
    ];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pick = () => strings[random(strings.length)]!;
    const list = <T>(make: () => T) => Array.from({ length: random(4) }, make);
    for (let round = 0; round < 1500; round++) {
      const e = entry({
        reference: pick(),
        number: [0, 1, 475, 2 ** 40][random(4)]!,
        date: random(4) ? '2020-02-01' : pick(),
        case: pick(),
        kind: pick(),
        update: random(2) ? 1 + random(30) : undefined,
        language: random(2) ? pick() : undefined,
        recipients: list(pick),
        events: list(() => ({ date: pick(), id: pick() })),
        files: list(() => ({ path: pick(), sha256: pick() })),
        external: random(3) === 0,
      });
      const text = serialiseEntry(e);
      expect(text, JSON.stringify(e)).toBe(written(e));
      expect(parse(text).reference).toBe(e.reference);
    }
  });
});
