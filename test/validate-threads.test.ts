/**
 * validate on many cases checks them in two threads (from HELPER_FROM cases): the problems, their
 * order and the exit status are those of one thread, byte for byte.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HELPER_FROM } from '../src/commands/validate.js';
import { appealWith, caseFile, config, workspace } from './helpers.js';

const eventId = (date: string, text: string) => createHash('sha256').update(`${date}\n${text}`).digest('hex').slice(0, 12);

function entry(n: number, caseId: string, events: [string, string][]): string {
  return [
    `reference: ${n}/2020`,
    `number: ${n}`,
    'date: 2020-02-01',
    `case: ${caseId}`,
    'kind: communication',
    'recipients:',
    '  - un-rapporteurs',
    events.length ? 'events:' : 'events: []',
    ...events.flatMap(([date, id]) => [`  - date: ${date}`, `    id: ${id}`]),
    'files: []',
    'external: true',
    '',
  ].join('\n');
}

describe('validate in two threads', () => {
  it('reports what one thread reports, in the same order, for cases either thread checked', () => {
    const n = HELPER_FROM + 40;
    const files: Record<string, string> = { 'appeal.yaml': config() };
    for (let i = 0; i < n; i++) {
      let text = caseFile(`Person ${i}`, [['2020-01-01', `Event of ${i}.`]]);
      if (i % 41 === 7) text = text.replace('headline:', 'headlin:');
      if (i % 67 === 3) text += 'related: [nobody]\n';
      files[`cases/p${i}.yaml`] = text;
    }
    // Entries on cases all through the list: each names an event its case no longer has, but one.
    const named = [5, 150, 290, n - 1];
    named.forEach((i, k) => (files[`register/${k + 1}.yaml`] = entry(k + 1, `p${i}`, [['2020-01-01', 'aaaaaaaaaaaa']])));
    files['register/5.yaml'] = entry(5, 'p200', [['2020-01-01', eventId('2020-01-01', 'Event of 200.')]]);
    files['register/6.yaml'] = entry(6, 'p9999', []);
    const dir = workspace(files);

    const two = appealWith(dir, {}, 'validate');
    const one = appealWith(dir, { APPEAL_THREADS: '1' }, 'validate');
    expect(two).toEqual(one);
    expect(appealWith(dir, { APPEAL_THREADS: 'helper' }, 'validate')).toEqual(one);
    expect(appealWith(dir, {}, 'validate', '--format', 'json')).toEqual(
      appealWith(dir, { APPEAL_THREADS: '1' }, 'validate', '--format', 'json'),
    );

    expect(two.code).toBe(1);
    const lines = two.stderr.trim().split('\n');
    const caseFiles = lines.filter((l) => l.startsWith('cases/')).map((l) => l.split(':')[0]!);
    expect(caseFiles).toEqual([...caseFiles].sort());
    const bad = Array.from({ length: n }, (_, i) => i);
    expect(new Set(caseFiles)).toEqual(new Set(bad.filter((i) => i % 41 === 7 || i % 67 === 3).map((i) => `cases/p${i}.yaml`)));
    for (const i of named) expect(two.stderr).toContain(`that ${named.indexOf(i) + 1}/2020 reported is no longer in cases/p${i}.yaml`);
    expect(two.stderr).not.toContain('cases/p200.yaml:');
    expect(two.stderr).toContain("there is no case 'p9999'");
  });
});
