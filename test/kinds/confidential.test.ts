/**
 * Confidentiality and consent: the same case as a confidential communication and update to the
 * Special Procedures and as a public open letter, with every confidential string searched for in
 * every output (text, PDF text and metadata, --json, --dry-run, the register). Public kinds
 * refuse a person who has not consented to be named in public.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, config, snapshot, workspace } from '../helpers.js';
import { clean, readPdf } from '../pdf-read.js';
import { flat } from './fixtures.js';

const SECRETS = [
  'Samira Gizlinova', // a confidential person
  'Samira Gizlin', // her other spelling
  'Cellmate Karimov', // a confidential source of a public event
  'the guard Orkhan Tapdigli kicked him', // a confidential event
  'Vusal Nihanov', // a signer counted, never named
];

const CASE = [
  'persons:',
  '  - name: Rauf Mirzayev',
  '    honorific: Mr.',
  '    status: detained',
  '    consent: public',
  '  - name: Samira Gizlinova',
  '    honorific: Mrs.',
  '    aliases: [Samira Gizlin]',
  '    status: at-risk',
  '    confidential: true',
  'subject: Torture in the Baku police station No. 9',
  'headline: Activists beaten in custody',
  'persecutor: Azerbaijani police',
  'concerns: [torture]',
  'events:',
  '  - date: 2020-01-10',
  '    text: Mr. Mirzayev was beaten in custody at the police station.',
  '    source: {person: Cellmate Karimov, confidential: true}',
  '  - date: 2020-01-11',
  '    text: Late at night the guard Orkhan Tapdigli kicked him until he fainted.',
  '    source: Public Paper',
  '    confidential: true',
  '  - date: 2020-02-10',
  '    text: Mr. Mirzayev was moved to Prison Four without his lawyer being told.',
  '    source: Public Paper',
  'body:',
  '  - Peaceful activists are beaten in custody in Baku.',
  'demands:',
  '  - The beatings should be investigated.',
  '',
].join('\n');

/** Every file appeal wrote (out/ and register/), as text; PDFs as the text and metadata a reader sees. */
async function everything(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(join(dir, 'out'));
  walk(join(dir, 'register'));
  for (const [rel] of Object.entries(out).filter(([rel]) => rel.endsWith('.pdf'))) {
    const bytes = readFileSync(join(dir, rel));
    const pages = await readPdf(bytes);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
    await doc.destroy();
    out[rel] = `${pages.map((p) => p.text).join('\n')}\n${JSON.stringify(info)}`;
  }
  return out;
}

function expectNoSecret(outputs: Record<string, string>): void {
  for (const [where, text] of Object.entries(outputs)) {
    for (const secret of SECRETS) expect(clean(text).toLowerCase(), `${secret} in ${where}`).not.toContain(secret.toLowerCase());
  }
}

describe('a confidential fact is never printed in any letter of any kind', () => {
  it('communication, update and open letter on one case: text, PDF, --json, --dry-run and the register hold none of them', async () => {
    const dir = workspace({
      'appeal.yaml': config({ output: 'output:\n  dir: out\n  formats: [txt, pdf]\n' }),
      'cases/station.yaml': CASE,
      'signatories/group.yaml': 'name: Friends of the detained\ncount: 12 lawyers\nmembers:\n  - name: Vusal Nihanov\n    role: lawyer\n',
    });
    const stdout: Record<string, string> = {};
    const run = (name: string, ...args: string[]) => {
      const r = appeal(dir, 'new', '--case', 'station', ...args);
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      stdout[name] = r.stdout;
      return r.stdout;
    };
    const kinds: [string, string[]][] = [
      ['communication', ['--to', 'un-rapporteurs', '--date', '2020-01-20']],
      ['update', ['--to', 'un-rapporteurs', '--date', '2020-02-15']],
      ['open-letter', ['--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-01', '--signed-by', 'group']],
    ];
    for (const [name, args] of kinds) {
      run(`${name} --dry-run`, ...args, '--dry-run');
      run(`${name} --dry-run --json`, ...args, '--dry-run', '--json');
      run(`${name} --json`, ...args, '--json');
    }
    const outputs: Record<string, string> = {
      ...(await everything(dir)),
      ...stdout,
      log: appeal(dir, 'log').stdout + appeal(dir, 'log', '--json').stdout,
    };
    expect(Object.keys(outputs).filter((f) => f.startsWith('register/'))).toHaveLength(3);
    expect(Object.keys(outputs).filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expectNoSecret(outputs);
    // What may be printed is: the search above would find a secret if it were there.
    const all = flat(Object.values(outputs).join('\n'));
    expect(all).toContain('Mr. Mirzayev was beaten in custody at the police station.');
    expect(all).toContain('Prison Four');
    expect(all).toContain('Signed by 12 lawyers.');
    expect(outputs['out/2020/2-station-update-1.pdf']).toContain('Prison Four');
    expect(flat(outputs['out/2020/1-station-communication.txt']!)).toContain('the case of Mr. Rauf Mirzayev, who is persecuted');
  }, 60_000);
});

describe('consent to be named in public', () => {
  const person = (consent: string) =>
    [
      'person:',
      '  name: Rauf Mirzayev',
      '  honorific: Mr.',
      '  status: detained',
      consent,
      'headline: Beaten in custody',
      'concerns: [torture]',
      'events:',
      '  - date: 2020-01-10',
      '    text: He was beaten in custody.',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n') + '\n';

  /** `new` refused: exit 1, nothing written, the problem at file:line:col. */
  function refused(files: Record<string, string>, ...args: string[]): string {
    const dir = workspace({ 'appeal.yaml': config(), ...files });
    const before = snapshot(dir);
    const r = appeal(dir, 'new', '--case', 'a', ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
    return r.stderr;
  }

  it.each(['open-letter', 'appeal', 'concern'])('a %s refuses a person without consent, saying why and how to record it', (kind) => {
    const err = refused({ 'cases/a.yaml': person('') }, '--to', 'president-azerbaijan', '--kind', kind, '--date', '2020-03-01');
    expect(err).toMatch(
      /^cases\/a\.yaml:1:1: person: Rauf Mirzayev would be named in this .*, which is published, but the case records no consent/,
    );
    expect(err).toContain('write consent: public under this person');
    expect(err).toContain('mark the person confidential: true');
  });

  it('consent to be named to the government only is not consent to be named in public', () => {
    const err = refused({ 'cases/a.yaml': person('  consent: government') }, '--to', 'cat', '--kind', 'appeal', '--date', '2020-03-01');
    expect(err).toMatch(/^cases\/a\.yaml:5:12: person\.consent: .* records consent to be named to the government only/);
  });

  it('a communication to the Special Procedures needs no record of consent; consent: public lets an open letter name the person', () => {
    const dir = workspace({ 'appeal.yaml': config(), 'cases/a.yaml': person(''), 'cases/b.yaml': person('  consent: public') });
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-03-01', '--dry-run').code).toBe(0);
    const r = appeal(dir, 'new', '--case', 'b', '--to', 'un-open-letter', '--kind', 'open-letter', '--date', '2020-03-01', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('about Rauf Mirzayev');
  });

  it('a confidential person named in a public event is found, and the letter refused at that event', () => {
    const text = [
      'persons:',
      '  - name: Rauf Mirzayev',
      '    status: detained',
      '    consent: public',
      '  - name: Samira Gizlinova',
      '    status: at-risk',
      '    confidential: true',
      'headline: Beaten in custody',
      'concerns: [torture]',
      'events:',
      '  - date: 2020-01-10',
      '    text: Rauf Mirzayev and Samira   Gizlinova were beaten.',
      '',
    ].join('\n');
    for (const kind of ['communication', 'open-letter']) {
      const err = refused({ 'cases/a.yaml': text }, '--to', 'un-open-letter', '--kind', kind, '--date', '2020-03-01');
      expect(err).toMatch(
        /^cases\/a\.yaml:12:11: events\.0\.text: this text names 'Samira Gizlinova', the confidential person \(cases\/a\.yaml:5\)/,
      );
    }
  });

  it('a source confidential in one event and named in another is refused at the one that names it', () => {
    const text = [
      'person: {name: Rauf Mirzayev, status: detained, consent: public}',
      'headline: Beaten in custody',
      'concerns: [torture]',
      'events:',
      '  - date: 2020-01-10',
      '    text: He was beaten.',
      '    source: {person: Cellmate Karimov, confidential: true}',
      '  - date: 2020-01-11',
      '    text: He was moved.',
      '    source: {person: Cellmate Karimov}',
      '',
    ].join('\n');
    const err = refused({ 'cases/a.yaml': text }, '--to', 'un-rapporteurs', '--date', '2020-03-01');
    expect(err).toMatch(/^cases\/a\.yaml:10:22: events\.1\.source\.person: this text names 'Cellmate Karimov', a confidential source/);
  });
});
