/** The main job: from case files to numbered, chained, correctly addressed letters. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, config, exampleCopy, read, snapshot, workspace, REPO } from './helpers.js';

describe('the seed-000 letter from the example workspace', () => {
  // The letter itself is checked whole against test/golden/seed-000-update.txt (test/golden.test.ts).
  it('a dry run prints it in 72 columns and writes nothing', () => {
    const before = snapshot(REPO + '/register');
    const r = appeal(REPO, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--dry-run', '--format', 'txt');
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(72);
    expect(snapshot(REPO + '/register')).toEqual(before);
    expect(existsSync(join(REPO, 'out'))).toBe(false);
  });

  it('issues it for real in a copy: takes 475, writes the file, records its SHA-256', () => {
    const dir = exampleCopy();
    const r = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--format', 'txt', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ reference: '475/2007', number: 475, kind: 'update', update: 3, case: 'metinpur' });
    expect(out.files).toHaveLength(1);
    expect(out.files[0].path).toBe('out/2007/475-metinpur-update-3.txt');
    const entry = read(dir, 'register/475.yaml');
    expect(entry).toContain('reference: 475/2007');
    expect(entry).toContain(out.files[0].sha256);
    expect(snapshot(dir)['out/2007/475-metinpur-update-3.txt']).toBe(out.files[0].sha256);
    expect(appeal(dir, 'validate').code).toBe(0);
    // A letter changed after it was issued is not the one recorded.
    writeFileSync(join(dir, out.files[0].path), read(dir, out.files[0].path).replace('Evin', 'Qezel Hesar'));
    const changed = appeal(dir, 'validate');
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(
      /^register\/475\.yaml:\d+:\d+: files\.0\.sha256: out\/2007\/475-metinpur-update-3\.txt is not the letter recorded as 475\/2007/,
    );
    // The same case again: nothing new since 23 December 2007.
    const again = appeal(dir, 'new', '--case', 'metinpur', '--to', 'un-rapporteurs', '--date', '2007-12-24', '--format', 'txt');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /cases\/metinpur\.yaml:\d+:\d+: events: nothing new on 'metinpur' since Update No 3 \(475\/2007, 2007-12-23\)/,
    );
  });
});

describe('updates chained over several letters', () => {
  it('communication, then Update No 1 and No 2, each reporting only what is new', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/ali.yaml': caseFile('Ali Veli', [
        ['2020-01-10', 'Arrested at home.'],
        ['2020-02-01', 'Moved to Prison One.'],
        ['2020-03-05', 'Sentenced to five years.'],
      ]),
    });
    const first = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-01-15');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('1/2020');
    const t1 = read(dir, 'out/2020/1-ali-communication.txt');
    expect(t1).toContain('Arrested at home.');
    expect(t1).not.toContain('Prison One');
    expect(t1).not.toContain('Further to our');

    const second = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-02-10');
    expect(second.code).toBe(0);
    const t2 = read(dir, 'out/2020/2-ali-update-1.txt');
    expect(t2.replace(/\s+/g, ' ')).toContain(
      'Further to our Communication (Ref. 1/2020, Date 15 January 2020), please find enclosed Update No 1',
    );
    expect(t2).toContain('Moved to Prison One.');
    expect(t2).not.toContain('Arrested at home.');

    const third = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-03-06');
    const t3 = read(dir, 'out/2020/3-ali-update-2.txt');
    expect(third.code).toBe(0);
    expect(t3.replace(/\s+/g, ' ')).toContain(
      'Further to our Update No 1 (Ref. 2/2020, Date 10 February 2020), please find enclosed Update No 2',
    );
    expect(t3).toContain('Sentenced to five years.');
    expect(t3).not.toContain('Prison One');

    const log = JSON.parse(appeal(dir, 'log', '--json').stdout);
    expect(log.map((e: { reference: string }) => e.reference)).toEqual(['3/2020', '2/2020', '1/2020']);
    expect(log[0]).toMatchObject({ case: 'ali', kind: 'update', update: 2, date: '2020-03-06', recipients: ['un-rapporteurs'] });
    expect(log[0].events).toHaveLength(1);
    const text = appeal(dir, 'log', '--case', 'ali');
    expect(text.stdout.split('\n')[0]).toMatch(/^3\/2020\s+2020-03-06\s+ali\s+Update No 2/);
    expect(appeal(dir, 'validate').code).toBe(0);
  });

  it('an event held back as confidential is never printed', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/ali.yaml':
        caseFile('Ali Veli', [['2020-01-10', 'Arrested at home.']]) +
        '  - date: 2020-01-11\n    text: The name of the witness is Secret Person.\n    confidential: true\n',
    });
    const r = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-01-15', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Arrested at home.');
    expect(r.stdout).not.toContain('Secret Person');
  });

  it('case text is printed as written: no HTML escaping, no template, no markup', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/ali.yaml': caseFile("Ali O'Brien & Sons", [['2020-01-10', '"- {{person.name}} <b>" # not a heading']]),
    });
    const r = appeal(dir, 'new', '--case', 'ali', '--to', 'un-rapporteurs', '--date', '2020-01-15', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Ali O'Brien & Sons");
    expect(r.stdout).toContain('- {{person.name}} <b>');
  });
});

describe('references, counters and dates', () => {
  const twoYears = (counter: string, format: string, start = 1) =>
    workspace({
      'appeal.yaml': config({ references: `references:\n  format: "${format}"\n  counter: ${counter}\n  start: ${start}\n` }),
      'cases/a.yaml': caseFile('A B', [
        ['2019-05-01', 'One.'],
        ['2020-01-05', 'Two.'],
      ]),
      'cases/b.yaml': caseFile('C D', [['2019-05-01', 'One.']]),
    });

  it('continuous: never resets across years; start is the first number', () => {
    const dir = twoYears('continuous', '{n}/{yyyy}', 100);
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2019-12-30').stdout).toContain('100/2019');
    expect(appeal(dir, 'new', '--case', 'b', '--to', 'un-rapporteurs', '--date', '2019-12-31').stdout).toContain('101/2019');
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-01-06').stdout).toContain('102/2020');
  });

  it('yearly: starts again each year, {n:3} and {yy}', () => {
    const dir = twoYears('yearly', 'HR-{yy}-{n:3}');
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2019-12-30').stdout).toContain('HR-19-001');
    expect(appeal(dir, 'new', '--case', 'b', '--to', 'un-rapporteurs', '--date', '2019-12-31').stdout).toContain('HR-19-002');
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-01-06', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ reference: 'HR-20-001', number: 1 });
    expect(existsSync(join(dir, 'register/2020/1.yaml'))).toBe(true);
    expect(appeal(dir, 'validate').code).toBe(0);
  });

  it.each([
    ['en-US', 'MMMM d, yyyy', 'December 23, 2007'],
    ['az', "d MMMM yyyy-{ci} 'il'", '23 dekabr 2007-ci il'],
    ['az', "d MMMM yyyy-{ci} 'il'", '5 aprel 2009-cu il', '2009-04-05'],
    ['ru', 'd MMMM yyyy', '23 декабря 2007'],
    ['fr', 'd MMMM yyyy', '23 décembre 2007'],
    ['en-GB', 'dd/MM/yyyy', '23/12/2007'],
  ])('dates in %s with %s', (locale, format, expected, date = '2007-12-23') => {
    const dir = workspace({
      'appeal.yaml': config({ dates: `dates:\n  format: "${format}"\n  locale: ${locale}\n` }),
      'cases/a.yaml': caseFile('A B', [['2007-05-01', 'One.']]),
    });
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', date, '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`Date: ${expected}`);
  });
});

describe('recipients and mandate titles by date', () => {
  it('the lead mandate is a Special Representative in 2007 and a Special Rapporteur in 2014', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [['2007-05-01', 'One.']], '[human-rights-defenders, minorities]'),
    });
    const in2007 = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--dry-run').stdout.replace(
      /\s+/g,
      ' ',
    );
    expect(in2007).toContain(
      'circulate this Communication to the Special Representative of the Secretary-General on human rights defenders',
    );
    expect(in2007).toContain('• Independent Expert on minority issues');
    const in2014 = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2014-06-01', '--dry-run').stdout.replace(
      /\s+/g,
      ' ',
    );
    expect(in2014).toContain('circulate this Communication to the Special Rapporteur on the situation of human rights defenders');
    expect(in2014).toContain('• Special Rapporteur on minority issues');
  });

  it('a mandate that did not exist yet is an error naming when it began', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [['2007-05-01', 'One.']], '[iran]'),
    });
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2009-01-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cases\/a\.yaml:7:\d+: concerns\.0: the mandate 'iran' .* began in March 2011/);
    expect(snapshot(dir)).not.toHaveProperty('register/1.yaml');
  });

  it('office-holders by date, and groups of recipients', () => {
    const dir = workspace({ 'appeal.yaml': config(), 'cases/a.yaml': caseFile('A B', [['2014-05-01', 'One.']]) });
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'coe', '--date', '2014-11-01', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mr. Thorbjørn Jagland, Secretary General of the Council of Europe');
    expect(r.stdout).toContain('Council of Europe member states');
    expect(r.stdout).not.toContain('Please circulate');
    const list = JSON.parse(appeal(dir, 'recipients', '--date', '2025-01-01', '--json').stdout);
    expect(list.recipients.find((x: { key: string }) => x.key === 'coe-secretary-general').addressee).toContain('Alain Berset');
  });

  it("a workspace's own recipients and templates override the built-in ones", () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [['2014-05-01', 'One.']]),
      'recipients/ours.yaml': 'recipients:\n  embassy:\n    addressee: The Embassy of Somewhere\n    salutation: "Your Excellency,"\n',
      'templates/communication.hbs': 'Ref {{reference}} to {{#each addressees}}{{name}}{{/each}}\n\n{{salutation}}\n',
    });
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'embassy', '--date', '2014-06-01', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Ref 1/2014 to The Embassy of Somewhere\n\nYour Excellency,\n');
  });
});

describe('register add: a history kept on paper', () => {
  it('numbering and chaining continue from communications sent outside the tool', () => {
    const dir = workspace({
      'appeal.yaml': config(),
      'cases/a.yaml': caseFile('A B', [
        ['2007-12-01', 'One.'],
        ['2007-12-20', 'Two.'],
      ]),
    });
    const add = appeal(
      dir,
      'register',
      'add',
      '--ref',
      '473/2007',
      '--date',
      '2007-12-12',
      '--case',
      'a',
      '--kind',
      'update',
      '--update',
      '2',
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('473/2007 recorded in register/473.yaml');
    const r = appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2007-12-23', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ reference: '474/2007', update: 3 });
    const t = read(dir, 'out/2007/474-a-update-3.txt').replace(/\s+/g, ' ');
    expect(t).toContain('Further to our Update No 2 (Ref. 473/2007, Date 12 December 2007)');
    expect(t).toContain('Two.');
    expect(t).not.toContain('One.');
    const log = JSON.parse(appeal(dir, 'log', '--json').stdout);
    expect(log[1]).toMatchObject({ reference: '473/2007', external: true, files: [] });
  });
});

describe('init', () => {
  it('makes a workspace that validates and writes a letter', () => {
    const dir = workspace({});
    const r = appeal(dir, 'init', 'ngo');
    expect(r.code).toBe(0);
    const ws = join(dir, 'ngo');
    for (const f of ['appeal.yaml', 'cases/example.yaml', '.gitignore', '.github/workflows/appeal.yml'])
      expect(existsSync(join(ws, f))).toBe(true);
    expect(appeal(ws, 'validate').code).toBe(0);
    expect(appeal(ws, 'new', '--case', 'example', '--to', 'un-rapporteurs', '--date', '2024-02-01', '--format', 'txt').code).toBe(0);
    expect(appeal(dir, 'init', 'ngo').code).toBe(1);
  });
});
