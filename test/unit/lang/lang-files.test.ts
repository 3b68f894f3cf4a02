/**
 * The language files data/lang/*.yaml: every language has every key of en.yaml and no other,
 * each phrase keeps the same {placeholders}, and the Azerbaijani file keeps its own rules (no
 * ending on a placeholder, Latin letters only, the official date style).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STATUSES } from '../../../src/domain/terms.js';
import { AZ_MONTHS, formatAzDate, formatLangDate } from '../../../src/domain/dates.js';
import { dataDir } from '../../../src/paths.js';

const KINDS = ['communication', 'update', 'open-letter', 'appeal', 'concern'];

type Tree = { [key: string]: Tree | string | string[] };

const dir = join(dataDir(), 'lang');
const read = (file: string) => parse(readFileSync(join(dir, file), 'utf8')) as Tree;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const en = read('en.yaml');
const az = read('az.yaml');

/** Every leaf as 'header.number' → value. */
function leaves(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).sort();

// Keys whose placeholders may differ between languages: a date pattern says how that language
// writes a date ({ci} is Azerbaijani only).
const OWN_PLACEHOLDERS = new Set(['date.pattern']);
const DATE_PLACEHOLDERS = ['d', 'dd', 'month', 'mm', 'yyyy', 'ci'];

describe('data/lang', () => {
  it('holds English and Azerbaijani', () => {
    expect(files).toContain('en.yaml');
    expect(files).toContain('az.yaml');
  });

  const base = leaves(en);
  describe.each(files.filter((f) => f !== 'en.yaml'))('%s', (file) => {
    const lang = leaves(read(file));

    it('has every key of en.yaml', () => {
      expect([...base.keys()].filter((k) => !lang.has(k))).toEqual([]);
    });

    it('has no key en.yaml lacks', () => {
      expect([...lang.keys()].filter((k) => !base.has(k))).toEqual([]);
    });

    it('keeps the placeholders of each English phrase', () => {
      const differ: string[] = [];
      for (const [key, value] of base) {
        const other = lang.get(key);
        if (typeof value !== 'string' || typeof other !== 'string' || OWN_PLACEHOLDERS.has(key)) continue;
        if (placeholders(value).join() !== placeholders(other).join()) differ.push(`${key}: {${placeholders(other).join('} {')}}`);
      }
      expect(differ).toEqual([]);
    });

    it('gives every phrase a text of the same shape as in English', () => {
      for (const [key, value] of base) {
        const other = lang.get(key);
        if (Array.isArray(value)) expect(Array.isArray(other) && other.length === value.length, key).toBe(true);
        else expect(typeof other === 'string' && other.trim().length > 0, key).toBe(true);
      }
    });

    it('names its own code', () => {
      expect(lang.get('language.code')).toBe(file.replace(/\.yaml$/, ''));
    });
  });

  describe.each(files)('%s', (file) => {
    const lang = leaves(read(file));

    it('writes placeholders as {name}, never as Handlebars', () => {
      for (const [key, value] of lang) {
        for (const s of [value].flat()) {
          expect(s.includes('{{') || s.includes('}}'), key).toBe(false);
          for (const p of placeholders(s)) expect(p, key).toMatch(/^[a-z]+$/);
        }
      }
    });

    it('uses only the date placeholders in its date pattern, and has twelve months', () => {
      for (const p of placeholders(lang.get('date.pattern') as string)) expect(DATE_PLACEHOLDERS).toContain(p);
      expect(lang.get('date.months')).toHaveLength(12);
    });

    it('names every status and every kind of letter', () => {
      for (const status of STATUSES) expect(lang.has(`status.${status}`), status).toBe(true);
      for (const kind of KINDS) expect(lang.has(`labels.${kind}`), kind).toBe(true);
    });

    it('is in Unicode normal form C', () => {
      for (const [key, value] of lang) for (const s of [value].flat()) expect(s, key).toBe(s.normalize('NFC'));
    });
  });
});

describe('en.yaml', () => {
  const lang = leaves(en);

  it('writes the English date of the seeds', () => {
    const style = { pattern: lang.get('date.pattern') as string, months: lang.get('date.months') as string[] };
    expect(formatLangDate('2007-12-23', style)).toBe('23 December 2007');
  });
});

describe('az.yaml', () => {
  const lang = leaves(az);

  it('writes the official date style, the same as formatAzDate, for every month', () => {
    expect(lang.get('date.months')).toEqual(AZ_MONTHS);
    const style = { pattern: lang.get('date.pattern') as string, months: lang.get('date.months') as string[], lowerCaseMonths: 'az' };
    for (const year of [2003, 2006, 2007, 2009, 2010, 2000, 2040]) {
      for (let month = 1; month <= 12; month++) {
        const iso = `${year}-${String(month).padStart(2, '0')}-09`;
        expect(formatLangDate(iso, style)).toBe(formatAzDate(iso));
      }
    }
    expect(formatLangDate('2007-12-23', style)).toBe('23 dekabr 2007-ci il');
  });

  it('never puts an ending on a placeholder: names stay in the nominative', () => {
    for (const [key, value] of lang) {
      if (key === 'date.pattern') continue; // 2007-ci: the year's suffix is appeal's own
      for (const s of [value].flat()) expect(s, key).not.toMatch(/\}[-'’]?\p{L}/u);
    }
  });

  it('writes Azerbaijani Latin letters, never their Cyrillic or old look-alikes', () => {
    const text = [...lang.values()].flat().join('\n');
    expect(text).not.toMatch(/[\u0400-\u04ff]/); // Cyrillic, such as ә (U+04D9) for ə (U+0259)
    expect(text).not.toMatch(/[äÄ]/); // ä, the schwa of the 1991-1992 alphabet
    expect(text).toMatch(/ə/);
    for (const letter of ['ə', 'ğ', 'ı', 'İ', 'ö', 'ş', 'ü', 'ç']) expect(text, letter).toContain(letter);
  });

  it('has the running head and the labels the letters use', () => {
    expect(lang.get('page.running_head')).toBe('№ {reference} · {date} · səhifə {page}/{pages}');
    expect(lang.get('labels.update')).toBe('Əlavə məlumat № {n}');
    expect(lang.get('closings.sincerely')).toBe('Hörmətlə,');
    expect(lang.get('salutations.default')).toBe('Hörmətli cənab/xanım,');
  });
});
