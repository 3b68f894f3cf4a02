/**
 * Bad input: every problem is a sentence naming file, line, column and key; exit 1; nothing
 * written and no number taken; never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, config, snapshot, workspace } from './helpers.js';

const good = () => ({
  'appeal.yaml': config(),
  'cases/metinpur.yaml': caseFile('Seid Metinpur', [['2007-12-17', 'Visited by family.']]),
  'register/1.yaml': 'reference: 1/2007\nnumber: 1\ndate: 2007-07-04\ncase: metinpur\nkind: communication\n',
});

/** Runs `new` in a workspace with `files` over a good one; expects exit 1, nothing written. */
function refused(files: Record<string, string>, args: string[] = []) {
  const dir = workspace({ ...good(), ...files });
  const before = snapshot(dir);
  const r = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', ...args);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/); // no stack trace
  expect(snapshot(dir)).toEqual(before);
  return r.stderr;
}

describe('bad input is refused with file, line and key', () => {
  it('the good workspace works (so each refusal below is the bad input)', () => {
    const dir = workspace(good());
    expect(appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23').code).toBe(0);
  });

  it('an unknown key, with "did you mean"', () => {
    const err = refused({ 'cases/metinpur.yaml': caseFile('Seid Metinpur', [['2007-12-17', 'x']]).replace('headline:', 'hedline:') });
    expect(err).toContain("cases/metinpur.yaml:5:1: hedline: unknown key 'hedline'. Did you mean 'headline'?");
    expect(err).toContain("cases/metinpur.yaml:1:1: headline: the required key 'headline' is missing");
  });

  it('every problem of a file at once, each at its line', () => {
    const text = caseFile('Seid Metinpur', [
      ['2007-12-17', 'x'],
      ['2014-02-30', 'y'],
    ]).replace('status: detained', 'status: jailed');
    const err = refused({ 'cases/metinpur.yaml': text });
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^cases\/metinpur\.yaml:4:11: person\.status: 'jailed' is not allowed here; use one of: detained/);
    expect(lines[1]).toMatch(/^cases\/metinpur\.yaml:12:11: events\.1\.date: not a real date/);
  });

  it('a YAML syntax error', () => {
    const err = refused({ 'cases/metinpur.yaml': 'person:\n  name: "Seid\nheadline: x\n' });
    // The quote that is never closed, where it opens.
    expect(err).toMatch(/^cases\/metinpur\.yaml:2:9: a quoted text is not closed/);
  });

  it('a YAML syntax error in appeal.yaml', () => {
    const err = refused({ 'appeal.yaml': config().replace('organisation:', 'organisation: [') });
    expect(err).toMatch(/^appeal\.yaml:\d+:\d+: this is not valid YAML/);
  });

  it('a bad value in appeal.yaml', () => {
    const err = refused({ 'appeal.yaml': config({ references: 'references:\n  format: "{num}/{yyyy}"\n  counter: yearly\n' }) });
    expect(err).toMatch(/^appeal\.yaml:\d+:\d+: references\.format: '\{num\}' is not a placeholder/);
    const err2 = refused({ 'appeal.yaml': config({ dates: 'dates:\n  locale: en-XX\n' }) });
    expect(err2).toMatch(/^appeal\.yaml:\d+:\d+: dates\.locale: 'en-XX' is not a locale date-fns knows\. Did you mean/);
  });

  it('a case id that is not a plain name', () => {
    const err = refused({}, ['--case', '../x']);
    expect(err).toContain("--case: '../x' is not a case id");
  });

  it('an unknown case, with the closest suggested', () => {
    const err = refused({}, ['--case', 'metinpr']);
    expect(err).toContain("--case: there is no case 'metinpr' (no cases/metinpr.yaml). Did you mean 'metinpur'?");
  });

  it('an unknown recipients group', () => {
    const err = refused({}, ['--to', 'un-rapporters']);
    expect(err).toContain("--to: 'un-rapporters' is not a recipient or group of the directory. Did you mean 'un-rapporteurs'?");
  });

  it('an impossible --date', () => {
    const err = refused({}, ['--date', '2014-02-30']);
    expect(err).toContain("--date: '2014-02-30' is not a real date");
  });

  it('a date that does not exist, in the data', () => {
    const err = refused({ 'cases/metinpur.yaml': caseFile('Seid Metinpur', [['2007-02-29', 'x']]) });
    expect(err).toMatch(/^cases\/metinpur\.yaml:9:11: events\.0\.date: not a real date/);
  });

  it('an update with nothing new says since when', () => {
    const err = refused({ 'cases/metinpur.yaml': caseFile('Seid Metinpur', [['2007-07-01', 'old news']]) });
    expect(err).toMatch(/^cases\/metinpur\.yaml:\d+:\d+: events: nothing new on 'metinpur' since Communication \(1\/2007, 2007-07-04\)/);
  });

  it('a cross-reference to a case the register never wrote about', () => {
    const text = caseFile('Seid Metinpur', [['2007-12-17', 'x']]) + '    see: [qenilu]\n';
    const err = refused({ 'cases/metinpur.yaml': text, 'cases/qenilu.yaml': caseFile('Jelil Qenilu', []) });
    expect(err).toMatch(/^cases\/metinpur\.yaml:12:\d+: events\.0\.see\.0: the register holds no communication on 'qenilu'/);
  });

  it('a broken register entry', () => {
    const err = refused({ 'register/1.yaml': 'reference: 1/2007\nnumber: one\ndate: 2007-07-04\ncase: metinpur\nkind: communication\n' });
    expect(err).toMatch(/^register\/1\.yaml:2:9: number: expected a number/);
  });

  it('a template that does not compile', () => {
    const err = refused({ 'templates/update.hbs': 'No.: {{reference}}\n{{#if x}}\nunclosed\n' });
    expect(err).toMatch(/^templates\/update\.hbs:\d+:\d+: the template does not compile/);
  });

  it('a kind of letter without a template', () => {
    const err = refused({}, ['--kind', 'memo']);
    expect(err).toContain("--kind: there is no template for letters of kind 'memo'");
  });

  it('outside any workspace', () => {
    const dir = workspace({});
    const r = appeal(dir, 'log');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^no appeal\.yaml in .* or any folder above it/);
  });

  it('validate reports every problem of the workspace and exits 1', () => {
    const dir = workspace({
      ...good(),
      'cases/a.yaml': caseFile('A', [['2007-01-01', 'x']], '[tortur]'),
      'cases/b.yaml': caseFile('B', [['2007-01-01', 'x']]).replace('related', 'x') + 'related: [nobody]\n',
    });
    const r = appeal(dir, 'validate', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'cases/a.yaml',
        line: 7,
        key: 'concerns.0',
        message: expect.stringContaining("Did you mean 'torture'?"),
      }),
      expect.objectContaining({
        file: 'cases/b.yaml',
        line: 12,
        key: 'related.0',
        message: expect.stringContaining("there is no case 'nobody'"),
      }),
    ]);
  });
});

describe('the command line itself', () => {
  it('a missing flag or an unknown command exits 2', () => {
    const dir = workspace(good());
    expect(appeal(dir, 'new', '--case', 'metinpur').code).toBe(2);
    expect(appeal(dir, 'frobnicate').code).toBe(2);
    expect(appeal(dir, 'batch', '--to', 'un-rapporteurs').code).toBe(2);
  });

  it('--help exits 0 and names every command', () => {
    const r = appeal(workspace({}), '--help');
    expect(r.code).toBe(0);
    for (const c of ['init', 'new', 'batch', 'validate', 'log', 'register', 'recipients', 'schema']) expect(r.stdout).toContain(c);
  });
});
