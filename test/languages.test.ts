/** Languages as data: templates by kind and language, ejected to edit; the directory in a language. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appeal, caseFile, config, snapshot, workspace } from './helpers.js';

const ws = () => workspace({ 'appeal.yaml': config(), 'cases/a.yaml': caseFile('Ali Veli', [['2020-01-01', 'Arrested.']]) });

describe('appeal templates', () => {
  it('lists every template in force, by language, built in or the workspace’s own', () => {
    const dir = ws();
    const before = appeal(dir, 'templates', 'list');
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^az {3}update +templates\/az\/update\.hbs \(built in\)$/m);
    expect(before.stdout).toMatch(/^en {3}open-letter +templates\/en\/open-letter\.hbs \(built in\)$/m);
    expect(appeal(dir, 'templates', 'eject', 'update', '--lang', 'az').stdout).toBe(
      "created templates/az/update.hbs: edit it; it now writes the 'update' letters in 'az'.\n",
    );
    const after = appeal(dir, 'templates', 'list', '--json');
    const rows = JSON.parse(after.stdout) as { lang: string; name: string; builtin: boolean; file: string }[];
    expect(rows.find((r) => r.lang === 'az' && r.name === 'update')).toMatchObject({ builtin: false, file: 'templates/az/update.hbs' });
    expect(rows.find((r) => r.lang === 'en' && r.name === 'update')).toMatchObject({ builtin: true });
  });

  it('eject copies the built-in template once, and refuses to overwrite it', () => {
    const dir = ws();
    expect(appeal(dir, 'templates', 'eject', '_header').code).toBe(0);
    const copied = readFileSync(join(dir, 'templates/en/_header.hbs'), 'utf8');
    const before = snapshot(dir);
    const again = appeal(dir, 'templates', 'eject', '_header');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'templates/en/_header.hbs: this template is already in the workspace: edit it there, or delete it first to eject the built-in one again.\n',
    );
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'templates/en/_header.hbs'), 'utf8')).toBe(copied);
    const unknown = appeal(dir, 'templates', 'eject', 'updat');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/there is no built-in template 'updat' in 'en': .* Did you mean 'update'\?/);
    expect(appeal(dir, 'templates', 'eject', 'update', '--lang', 'xx').stderr).toMatch(
      /^--lang: there are no built-in templates in 'xx': .* To start a new language from one of them, add --from en\.$/m,
    );
    // A new language starts from a built-in one.
    expect(appeal(dir, 'templates', 'eject', 'update', '--lang', 'xx', '--from', 'en').stdout).toContain('created templates/xx/update.hbs');
  });
});

describe('the directory in a language', () => {
  it('recipients --lang az gives Azerbaijani titles, and says which are English or unconfirmed', () => {
    const r = appeal(ws(), 'recipients', '--lang', 'az', '--date', '2015-01-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("titles as of 2015-01-01, in 'az':");
    expect(r.stdout).toMatch(/^ {2}arbitrary-detention +Özbaşına Həbslər üzrə İşçi Qrup$/m);
    expect(r.stdout).toMatch(/^ {2}religion +Din və ya etiqad azadlığı üzrə Xüsusi Məruzəçi \('az' title unverified\)$/m);
    const json = JSON.parse(appeal(ws(), 'recipients', '--lang', 'az', '--json').stdout);
    expect(json.mandates.every((m: { translated: boolean }) => typeof m.translated === 'boolean')).toBe(true);
  });

  it('an unknown language names the languages and the files that would add it', () => {
    const r = appeal(ws(), 'recipients', '--lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "--lang: there is no language 'fr': the languages are az, en. To add one, create lang/fr.yaml (a translated copy of data/lang/en.yaml) and templates/fr/ in the workspace.\n",
    );
  });

  it('the register records the language of each letter', () => {
    const dir = ws();
    expect(appeal(dir, 'new', '--case', 'a', '--to', 'un-rapporteurs', '--date', '2020-02-01', '--lang', 'az').code).toBe(0);
    expect(readFileSync(join(dir, 'register/1.yaml'), 'utf8')).toMatch(/^language: az$/m);
    expect(JSON.parse(appeal(dir, 'log', '--json').stdout)[0].language).toBe('az');
  });
});
