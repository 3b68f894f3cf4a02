/**
 * Bad input in every key the kinds of letter added: exit 1, the problem at file:line:col with
 * its key and a sentence saying what to do, nothing written, no stack trace.
 */
import { describe, expect, it } from 'vitest';
import { appeal, config, snapshot, workspace } from '../helpers.js';

const CASE = [
  'persons:',
  '  - name: Rauf Mirzayev',
  '    status: detained',
  '    consent: public',
  'headline: Beaten in custody',
  'concerns: [torture]',
  'events:',
  '  - date: 2020-01-10',
  '    text: He was beaten.',
  '    source: {person: his lawyer}',
  'body:',
  '  - Activists are beaten.',
  'demands:',
  '  - who: The police',
  '    text: stop the beatings',
  '    by: 2020-06-01',
  'deadline: 2020-07-01',
  'signed-by: [s]',
  '',
].join('\n');

const SIGNATORY = 'name: Friends of the detained\nmembers:\n  - name: A. Lawyer\n    role: lawyer\n';

const good = (): Record<string, string> => ({ 'appeal.yaml': config(), 'cases/a.yaml': CASE, 'signatories/s.yaml': SIGNATORY });

/** A row: what to change in the good workspace, the arguments after `new --case a`, and the problem expected. */
interface Row {
  what: string;
  files?: Record<string, string>;
  /** [from, to] replacements in cases/a.yaml. */
  edit?: [string, string][];
  args?: string[];
  problem: string;
}

const ROWS: Row[] = [
  {
    what: 'both person and persons',
    edit: [['headline:', 'person: {name: B, status: detained}\nheadline:']],
    problem: 'cases/a.yaml:1:1: persons: this case has both person and persons',
  },
  {
    what: 'no person and no subject',
    edit: [['persons:\n  - name: Rauf Mirzayev\n    status: detained\n    consent: public\n', '']],
    problem: 'cases/a.yaml:1:1: headline: this case names no one and no subject: add person',
  },
  {
    what: 'an unknown consent',
    edit: [['consent: public', 'consent: yes']],
    problem: "cases/a.yaml:4:14: persons.0.consent: 'yes' is not allowed here; use one of: public, government, none.",
  },
  {
    what: 'a misspelt key of a person',
    edit: [['consent: public', 'consnet: public']],
    problem: "cases/a.yaml:4:5: persons.0.consnet: unknown key 'consnet'. Did you mean 'consent'?",
  },
  {
    what: 'confidential that is not true or false',
    edit: [['consent: public', 'consent: public\n    confidential: maybe']],
    problem: "cases/a.yaml:5:19: persons.0.confidential: expected a boolean, found the text 'maybe'.",
  },
  {
    what: 'an empty place of detention',
    edit: [['status: detained', 'status: detained\n    detention: ""']],
    problem: 'cases/a.yaml:4:16: persons.0.detention: this must not be empty.',
  },
  {
    what: 'an empty subject',
    edit: [['headline:', 'subject: ""\nheadline:']],
    problem: 'cases/a.yaml:5:10: subject: this must not be empty.',
  },
  {
    what: 'a body that is not a list',
    edit: [['body:\n  - Activists are beaten.', 'body: Activists are beaten.']],
    problem: "cases/a.yaml:11:7: body: expected a list, found the text 'Activists are beaten.'.",
  },
  {
    what: 'a demand without its text',
    edit: [['    text: stop the beatings\n', '']],
    problem: "cases/a.yaml:14:5: demands.0.text: the required key 'text' is missing: add it (a string).",
  },
  {
    what: 'a demand due on a day that does not exist',
    edit: [['by: 2020-06-01', 'by: 2020-02-30']],
    problem: 'cases/a.yaml:16:9: demands.0.by: not a real date',
  },
  {
    what: 'a misspelt key of a demand',
    edit: [['by: 2020-06-01', 'bye: 2020-06-01']],
    problem: "cases/a.yaml:16:5: demands.0.bye: unknown key 'bye'. Did you mean 'by'?",
  },
  {
    what: 'a deadline that is not a date',
    edit: [['deadline: 2020-07-01', 'deadline: soon']],
    problem: 'cases/a.yaml:17:11: deadline: not a real date',
  },
  {
    what: 'a deadline already past on the letter’s date',
    edit: [['deadline: 2020-07-01', 'deadline: 2020-02-01']],
    problem: "cases/a.yaml:17:11: deadline: the deadline 2020-02-01 is before the letter's date 2020-03-01",
  },
  {
    what: 'a demand due before the letter’s date',
    edit: [['by: 2020-06-01', 'by: 2019-06-01']],
    problem: "cases/a.yaml:16:9: demands.0.by: the deadline 2019-06-01 is before the letter's date 2020-03-01",
  },
  {
    what: 'a signatory that does not exist',
    edit: [['signed-by: [s]', 'signed-by: [nobody]']],
    problem: "cases/a.yaml:18:13: signed-by.0: there is no signatory 'nobody' (no signatories/nobody.yaml). The signatories are: s.",
  },
  {
    what: 'a signatory id that is not a plain name',
    edit: [['signed-by: [s]', 'signed-by: "Our Friends"']],
    problem: 'cases/a.yaml:18:12: signed-by: a signatory id is lower-case letters, digits and "-"',
  },
  {
    what: 'cc that is not a list',
    edit: [['deadline:', 'cc: nobody\ndeadline:']],
    problem: "cases/a.yaml:17:5: cc: expected a list, found the text 'nobody'.",
  },
  {
    what: 'a demand that is neither a text nor a mapping',
    edit: [['demands:\n', 'demands:\n  - 7\n']],
    problem: 'cases/a.yaml:14:5: demands.0: expected a text or a mapping, found number 7.',
  },
  {
    what: 'a source that is a list',
    edit: [['source: {person: his lawyer}', 'source: [his lawyer]']],
    problem: 'cases/a.yaml:10:13: events.0.source: expected a text or a mapping, found a list.',
  },
  {
    what: 'a source that is both a person and a publication',
    edit: [['source: {person: his lawyer}', 'source: {person: his lawyer, publication: Haqqimiz}']],
    problem: 'cases/a.yaml:10:13: events.0.source: a source is a person (person: her lawyer) or a publication',
  },
  {
    what: 'a misspelt kind of source',
    edit: [['source: {person: his lawyer}', 'source: {persn: his lawyer}']],
    problem: "cases/a.yaml:10:14: events.0.source.persn: unknown key 'persn'. Did you mean 'person'?",
  },
  {
    what: 'a source confidential that is not true or false',
    edit: [['source: {person: his lawyer}', 'source: {person: his lawyer, confidential: yes}']],
    problem: "cases/a.yaml:10:48: events.0.source.confidential: expected a boolean, found the text 'yes'.",
  },
  {
    what: 'a citation of no case',
    edit: [['He was beaten.', 'He [[nobody]] was beaten.']],
    problem: "cases/a.yaml:9:11: events.0.text: [[nobody]] cites no case: there is no case 'nobody'",
  },
  {
    what: 'a citation of no case in the body',
    edit: [['Activists are beaten.', 'Activists [[x]] are beaten.']],
    problem: "cases/a.yaml:12:5: body.0: [[x]] cites no case: there is no case 'x'",
  },
  {
    what: 'a person without consent in a public letter',
    edit: [['    consent: public\n', '']],
    problem:
      'cases/a.yaml:2:5: persons.0: Rauf Mirzayev would be named in this Appeal, which is published, but the case records no consent',
  },
  // The signatory's own file.
  {
    what: 'a signatory without a name',
    files: { 'signatories/s.yaml': 'members: [A]\n' },
    problem: "signatories/s.yaml:1:1: name: the required key 'name' is missing",
  },
  {
    what: 'a misspelt key of a signatory',
    files: { 'signatories/s.yaml': 'name: F\nmember: [A]\n' },
    problem: "signatories/s.yaml:2:1: member: unknown key 'member'. Did you mean 'members'?",
  },
  {
    what: 'a member without a name',
    files: { 'signatories/s.yaml': 'name: F\nmembers:\n  - role: lawyer\n' },
    problem: "signatories/s.yaml:3:5: members.0.name: the required key 'name' is missing",
  },
  {
    what: 'a signatory date style no locale has',
    files: { 'signatories/s.yaml': 'name: F\ndates:\n  locale: en-XX\n' },
    problem: "signatories/s.yaml:3:11: dates.locale: 'en-XX' is not a locale date-fns knows.",
  },
  {
    what: 'a letterhead that is not a list',
    files: { 'signatories/s.yaml': 'name: F\nletterhead: F\n' },
    problem: "signatories/s.yaml:2:13: letterhead: expected a list, found the text 'F'.",
  },
  {
    what: 'an empty count',
    files: { 'signatories/s.yaml': 'name: F\ncount: ""\n' },
    problem: 'signatories/s.yaml:2:8: count: this must not be empty.',
  },
  // appeal.yaml and the command line.
  {
    what: 'dated-events that is not true or false',
    files: { 'appeal.yaml': config() + 'letters:\n  dated-events: no-thanks\n' },
    problem: "appeal.yaml:17:17: letters.dated-events: expected a boolean, found the text 'no-thanks'.",
  },
  {
    what: 'a misspelt key of letters',
    files: { 'appeal.yaml': config() + 'letters:\n  dated-event: false\n' },
    problem: "appeal.yaml:17:3: letters.dated-event: unknown key 'dated-event'. Did you mean 'dated-events'?",
  },
  {
    what: '--signed-by a signatory that does not exist',
    args: ['--signed-by', 'nobody'],
    problem: "--signed-by: there is no signatory 'nobody'",
  },
  { what: '--signed-by nothing', args: ['--signed-by', ','], problem: '--signed-by: name at least one signatory' },
  {
    what: 'a recipient’s excellency that is not true or false',
    files: { 'recipients/ours.yaml': 'recipients:\n  embassy:\n    addressee: The Embassy\n    excellency: sure\n' },
    problem: "recipients/ours.yaml:4:17: recipients.embassy.excellency: expected a boolean, found the text 'sure'.",
  },
];

describe('bad input in the keys of the kinds of letter', () => {
  it('the good workspace issues its appeal (so each refusal below is the bad input)', () => {
    const dir = workspace(good());
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'cat', '--kind', 'appeal', '--date', '2020-03-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(appeal(dir, 'validate').code).toBe(0);
  });

  it.each(ROWS)('$what', (row) => {
    let text = CASE;
    for (const [from, to] of row.edit ?? []) {
      expect(text, `the edit '${from}' applies`).toContain(from);
      text = text.replace(from, to);
    }
    const dir = workspace({ ...good(), 'cases/a.yaml': text, ...row.files });
    const before = snapshot(dir);
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'cat', '--kind', 'appeal', '--date', '2020-03-01', ...(row.args ?? []));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(r.stderr).toContain(row.problem);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an empty persons list', () => {
    const dir = workspace({ ...good(), 'cases/a.yaml': CASE.replace(/persons:[^]*?headline/, 'persons: []\nheadline') });
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'cat', '--kind', 'appeal', '--date', '2020-03-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cases/a.yaml:1:10: persons: the list needs at least 1 item.');
  });

  it('validate reports the bad signatory file and the case that names it, each at its line', () => {
    const dir = workspace({ ...good(), 'signatories/s.yaml': 'name: F\ncount: ""\n', 'signatories/t.yaml': 'nam: T\n' });
    const r = appeal(dir, 'validate', '--format', 'json');
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).problems.map((p: { file: string; line: number; key: string }) => `${p.file}:${p.line}: ${p.key}`);
    expect(problems).toEqual(expect.arrayContaining(['signatories/s.yaml:2: count', 'signatories/t.yaml:1: nam']));
  });
});
