/**
 * Every bad input and situation in one table: the command, the exit status, the sentence (located
 * at file:line:col where there is a file), no stack trace, and nothing written. A new case is a row.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, config, snapshot, tempDir, workspace } from '../helpers.js';

const CASE = caseFile('Seid Metinpur', [['2007-12-17', 'Visited by family.']]);
const ENTRY = 'reference: 1/2007\nnumber: 1\ndate: 2007-07-04\ncase: metinpur\nkind: communication\n';
const good = (): Record<string, string> => ({ 'appeal.yaml': config(), 'cases/metinpur.yaml': CASE, 'register/1.yaml': ENTRY });
const NEW = ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23'];
const withEvent = (date: string) =>
  caseFile('Seid Metinpur', [
    ['2007-12-17', 'Visited by family.'],
    [date, 'Later.'],
  ]);
const inAYear = `${new Date().getFullYear() + 1}-01-15`;

interface Row {
  name: string;
  files?: Record<string, string>;
  /** Changes a YAML-free setup cannot express (links, binary files). */
  setup?: (dir: string) => void;
  args?: string[];
  code?: number;
  said: RegExp;
}

const ROWS: Row[] = [
  {
    name: 'an escape sequence in case text',
    files: { 'cases/metinpur.yaml': CASE.replace('text: Visited by family.', 'text: "Visited \\e[31mby family."') },
    said: /^cases\/metinpur\.yaml:10:11: this text holds the control character \\x1b, which a letter cannot carry/m,
  },
  {
    name: 'an unknown YAML tag',
    files: { 'cases/metinpur.yaml': CASE.replace('headline: A', 'headline: !!js/function A') },
    said: /^cases\/metinpur\.yaml:5:11: the tag 'tag:yaml\.org,2002:js\/function' is not used in appeal's files/m,
  },
  {
    name: 'a binary tag',
    files: { 'cases/metinpur.yaml': CASE.replace('headline: A prisoner of conscience', 'headline: !!binary aGVsbG8=') },
    said: /^cases\/metinpur\.yaml:5:20: the tag 'tag:yaml\.org,2002:binary' is not used/m,
  },
  {
    name: 'two documents in one file',
    files: { 'cases/metinpur.yaml': `${CASE}---\nheadline: again\n` },
    said: /^cases\/metinpur\.yaml:12:1: this file holds more than one YAML document/m,
  },
  {
    name: 'an unclosed quote, shown where it opens',
    files: { 'cases/metinpur.yaml': CASE.replace('headline: A prisoner', 'headline: "A prisoner') },
    said: /^cases\/metinpur\.yaml:5:11: a quoted text is not closed/m,
  },
  {
    name: 'a file saved as UTF-16',
    setup: (dir) => writeFileSync(join(dir, 'cases/metinpur.yaml'), Buffer.from(`\ufeff${CASE}`, 'utf16le')),
    said: /^cases\/metinpur\.yaml: this file is not UTF-8 text .* save it as UTF-8/m,
  },
  {
    name: 'a case file over 1 MB',
    files: { 'cases/metinpur.yaml': `${CASE}closing:\n${'  - ' + 'x'.repeat(1000) + '\n'}`.repeat(1) + `# ${'y'.repeat(1_100_000)}\n` },
    said: /^cases\/metinpur\.yaml: this file is 1\.\d MB; appeal reads files of up to 1 MB/m,
  },
  {
    name: 'nesting too deep',
    files: { 'cases/metinpur.yaml': `${CASE}related: ${'['.repeat(40)}${']'.repeat(40)}\n` },
    said: /^cases\/metinpur\.yaml:12:42: brackets nest more than 32 levels deep/m,
  },
  {
    name: 'an alias bomb',
    files: {
      'cases/metinpur.yaml':
        `${CASE}x0: &a0 [a, a, a, a, a, a, a, a, a, a]\n` +
        Array.from({ length: 12 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n') +
        '\n',
    },
    said: /^cases\/metinpur\.yaml:\d+:\d+: more than 100 aliases \(\*name\) in one file/m,
  },
  {
    name: 'output.dir outside the workspace (absolute)',
    files: { 'appeal.yaml': config({ output: 'output:\n  dir: /tmp/elsewhere\n  formats: [txt]\n' }) },
    said: /^appeal\.yaml:\d+:8: output\.dir: '\/tmp\/elsewhere' is an absolute path: appeal reads and writes only inside the workspace/m,
  },
  {
    name: "output.dir outside the workspace ('..')",
    files: { 'appeal.yaml': config({ output: 'output:\n  dir: ../out\n  formats: [txt]\n' }) },
    said: /^appeal\.yaml:\d+:8: output\.dir: '\.\.\/out' climbs out of it with '\.\.'/m,
  },
  {
    name: 'output.dir through a symbolic link to outside',
    setup: (dir) => symlinkSync(tempDir(), join(dir, 'out')),
    said: /^appeal\.yaml:\d+:8: output\.dir: 'out' leads out of it through a symbolic link/m,
  },
  {
    name: 'a case file that is a symbolic link to outside',
    setup: (dir) => {
      const outside = join(tempDir(), 'x.yaml');
      writeFileSync(outside, CASE);
      symlinkSync(outside, join(dir, 'cases/other.yaml'));
    },
    args: ['new', '--case', 'other', '--to', 'un-rapporteurs', '--date', '2007-12-23'],
    said: /^cases\/other\.yaml: 'cases\/other\.yaml' leads out of it through a symbolic link/m,
  },
  {
    name: 'a register entry that is a symbolic link',
    setup: (dir) => {
      const outside = join(tempDir(), '2.yaml');
      writeFileSync(outside, ENTRY.replaceAll('1', '2'));
      symlinkSync(outside, join(dir, 'register/2.yaml'));
    },
    said: /^register\/2\.yaml: this is a symbolic link: register entries are plain files/m,
  },
  {
    name: 'a letter path in the register that leaves the workspace',
    files: { 'register/1.yaml': `${ENTRY}files:\n  - path: ../../etc/passwd\n    sha256: "${'0'.repeat(64)}"\n` },
    args: ['validate'],
    said: /^register\/1\.yaml:7:11: files\.0\.path: '\.\.\/\.\.\/etc\/passwd' leaves the workspace/m,
  },
  {
    name: 'a letter dated far ahead',
    args: ['new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', inAYear],
    said: new RegExp(`^--date: ${inAYear} is \\d+ days from today: a letter is dated the day it is sent.*--allow-future`, 'm'),
  },
  {
    name: 'an event dated after today',
    files: { 'cases/metinpur.yaml': withEvent(inAYear) },
    said: new RegExp(`^cases/metinpur\\.yaml:12:11: events\\.1\\.date: ${inAYear} is after today`, 'm'),
  },
  {
    name: 'a communication with no facts',
    files: {
      'cases/metinpur.yaml': caseFile('Seid Metinpur', []).replace('events:', 'events: []'),
      'register/1.yaml': ENTRY.replace('metinpur', 'other'),
      'cases/other.yaml': CASE,
    },
    args: [...NEW, '--kind', 'communication'],
    said: /^cases\/metinpur\.yaml:\d+:\d+: events: a communication on 'metinpur' needs facts/m,
  },
  {
    name: 'a reference that does not fit references.format',
    files: { 'register/1.yaml': ENTRY.replace('reference: 1/2007', 'reference: No-1') },
    said: /^register\/1\.yaml:1:12: reference: the reference No-1 does not fit references\.format '\{n\}\/\{yyyy\}'/m,
  },
  {
    name: 'an update number skipped on a case',
    files: {
      'register/2.yaml': 'reference: 2/2007\nnumber: 2\ndate: 2007-08-01\ncase: metinpur\nkind: update\nupdate: 1\n',
      'register/3.yaml': 'reference: 3/2007\nnumber: 3\ndate: 2007-09-01\ncase: metinpur\nkind: update\nupdate: 3\n',
    },
    args: ['validate'],
    said: /^register\/3\.yaml:6:9: update: Update No 2 on 'metinpur' is missing between 2\/2007 and 3\/2007/m,
  },
  {
    name: 'dates that run against numbers',
    files: { 'register/2.yaml': 'reference: 2/2007\nnumber: 2\ndate: 2007-07-01\ncase: metinpur\nkind: communication\n' },
    args: ['validate'],
    said: /^register\/2\.yaml:3:7: date: 2\/2007 is dated 2007-07-01, before 1\/2007 \(2007-07-04\)/m,
  },
  {
    name: 'an event in the register that the case no longer holds',
    files: { 'register/1.yaml': `${ENTRY}events:\n  - date: 2007-06-01\n    id: 0123456789ab\n` },
    args: ['validate'],
    said: /^register\/1\.yaml:8:9: events\.0\.id: the event 0123456789ab \(2007-06-01\) that 1\/2007 reported is no longer in cases\/metinpur\.yaml/m,
  },
  {
    name: 'a letter named in the register that is missing',
    files: { 'register/1.yaml': `${ENTRY}files:\n  - path: out/2007/1-metinpur-communication.txt\n    sha256: ${'a'.repeat(64)}\n` },
    args: ['validate'],
    said: /^register\/1\.yaml:7:11: files\.0\.path: out\/2007\/1-metinpur-communication\.txt, the letter recorded as 1\/2007, is missing/m,
  },
  {
    name: 'a template with an unknown partial',
    files: { 'templates/memo.hbs': 'Hello\n{{> signatur}}\n' },
    args: ['validate'],
    said: /^templates\/memo\.hbs:2:1: there is no partial 'signatur'/m,
  },
  {
    name: 'a template with an unknown helper',
    files: { 'templates/memo.hbs': 'Hello {{upper person.name}}\n' },
    args: ['validate'],
    said: /^templates\/memo\.hbs:1:7: there is no helper 'upper'/m,
  },
  {
    name: 'a pdf font that is missing',
    files: { 'appeal.yaml': `${config()}pdf:\n  fonts:\n    - name: Mine\n      regular: fonts/mine.ttf\n` },
    said: /^appeal\.yaml:\d+:16: pdf\.fonts\.0\.regular: there is no font file fonts\/mine\.ttf/m,
  },
  {
    name: 'a pdf font that is not a font',
    files: { 'appeal.yaml': `${config()}pdf:\n  fonts:\n    - name: Mine\n      regular: notes.txt\n`, 'notes.txt': 'hello' },
    said: /^appeal\.yaml:\d+:16: pdf\.fonts\.0\.regular: notes\.txt is not a font file/m,
  },
  {
    name: 'a leftover temporary file of a stopped run',
    files: { 'out/2007/1-metinpur-communication.txt.tmp-4194305': 'half a letter' },
    args: ['validate'],
    said: /^out\/2007\/1-metinpur-communication\.txt\.tmp-4194305: a run that was stopped .* run appeal repair/m,
  },
  {
    name: 'init in a folder that cannot exist',
    args: ['init', '/proc/appeal-nope'],
    said: /^\/proc\/appeal-nope: cannot create this folder \(ENOENT\)/m,
  },
  { name: 'an unknown lock wait', args: [...NEW, '--lock-wait', 'soon'], said: /^--lock-wait: 'soon' is not a number of seconds/m },
];

describe('bad input and situations, each refused with a located sentence and nothing written', () => {
  it('the good workspace works (so each refusal below is the bad input)', () => {
    const dir = workspace(good());
    expect(appeal(dir, 'validate').code).toBe(0);
    expect(appeal(dir, ...NEW).code).toBe(0);
  });

  for (const row of ROWS) {
    it(row.name, () => {
      const dir = workspace({ ...good(), ...row.files });
      row.setup?.(dir);
      const before = snapshot(dir);
      const r = appeal(dir, ...(row.args ?? NEW));
      expect(r.stderr).toMatch(row.said);
      expect(r.code).toBe(row.code ?? 1);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/); // no stack trace
      expect(snapshot(dir)).toEqual(before);
    });
  }
});
