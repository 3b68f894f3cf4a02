/**
 * The Azerbaijani titles in the built-in directory (data/mandates.yaml, data/recipients.yaml):
 * each says where it comes from or that it is unverified, is written in the nominative, and the
 * directory still loads with them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { dataDir } from '../../../src/paths.js';
import { loadDirectory } from '../../../src/plan/directory.js';

// Read the YAML itself through the directory's schema, not the JSON a build left in dist/.
vi.mock('../../../src/paths.js', async (original) => ({
  ...(await original<typeof import('../../../src/paths.js')>()),
  packageRoot: '/nonexistent',
}));

interface Title {
  from: string;
  title: string;
  az?: string;
  az_source?: string;
  az_verified?: boolean;
}
const mandates = (parse(readFileSync(join(dataDir(), 'mandates.yaml'), 'utf8')) as { mandates: Record<string, { titles: Title[] }> })
  .mandates;
const recipients = (
  parse(readFileSync(join(dataDir(), 'recipients.yaml'), 'utf8')) as {
    recipients: Record<
      string,
      { addressee: string; az?: { addressee?: string; salutation?: string }; az_source?: string; az_verified?: boolean }
    >;
  }
).recipients;

const titles = Object.entries(mandates).flatMap(([key, m]) => m.titles.map((t) => [`${key} from ${t.from}`, t] as const));

describe('Azerbaijani titles of the mandates', () => {
  it('are given for every title', () => {
    expect(titles.filter(([, t]) => !t.az).map(([k]) => k)).toEqual([]);
  });

  it.each(titles)('%s says where it comes from, or that it is unverified', (_, t) => {
    expect(Boolean(t.az_source) !== (t.az_verified === false)).toBe(true);
  });

  it.each(titles)('%s is a title in the nominative, as letters print it', (_, t) => {
    // Every mandate is a Special Rapporteur, Representative, Independent Expert or Working Group.
    expect(t.az).toMatch(/(Xüsusi Məruzəçi|Xüsusi Nümayəndəsi|Müstəqil Ekspert|İşçi Qrup)$/);
    expect(t.az).not.toMatch(/[\u0400-\u04ff]/);
  });

  it('keep the change of title of 2008 and 2014', () => {
    const hrd = mandates['human-rights-defenders']!.titles.map((t) => t.az);
    expect(hrd[0]).toContain('Xüsusi Nümayəndəsi');
    expect(hrd[1]).toContain('Xüsusi Məruzəçi');
    const minorities = mandates['minorities']!.titles.map((t) => t.az);
    expect(minorities).toEqual(['Azlıqlar məsələləri üzrə Müstəqil Ekspert', 'Azlıqlar məsələləri üzrə Xüsusi Məruzəçi']);
  });
});

describe('Azerbaijani names of the recipients', () => {
  const entries = Object.entries(recipients);

  it.each(entries)('%s has an addressee and a salutation in Azerbaijani, with its source or unverified', (_, r) => {
    expect(r.az?.addressee).toBeTruthy();
    expect(r.az?.salutation).toMatch(/,$/);
    expect(Boolean(r.az_source) !== (r.az_verified === false)).toBe(true);
  });

  it.each(entries)('%s keeps {holder} where the English has it', (_, r) => {
    expect(r.az!.addressee!.includes('{holder}')).toBe(r.addressee.includes('{holder}'));
  });
});

describe('the directory', () => {
  it('loads with the Azerbaijani fields, and gives the English titles as before', () => {
    const dir = loadDirectory();
    expect(dir.mandateTitle('human-rights-defenders', '2007-12-23').title).toBe(
      'Special Representative of the Secretary-General on human rights defenders',
    );
    expect(dir.mandates.get('arbitrary-detention')!.titles[0]!.az).toBe('Özbaşına Həbslər üzrə İşçi Qrup');
    expect(dir.recipients.get('cat')!.az?.addressee).toBe('BMT-nin İşgəncələr Əleyhinə Komitəsi');
  });
});
