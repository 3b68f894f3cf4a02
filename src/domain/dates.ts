/**
 * The letter's dates as the organisation writes them: a date-fns pattern and locale from
 * appeal.yaml, with the official Azerbaijani style ("23 dekabr 2007-ci il") built in.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Locale } from 'date-fns';
import { format as formatDate } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { didYouMean } from '../suggest.js';
import { dateLocales } from './date-locales.js';

export interface DateStyle {
  /** "23 December 2007" from "2007-12-23". */
  format(iso: string): string;
}

/** The months in the nominative, as the official style writes them (data/lang/az.yaml has the same list). */
export const AZ_MONTHS = ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'];

/**
 * The suffix of an Azerbaijani year as it is read aloud: 2007-ci, 2003-cü, 2006-cı, 2009-cu.
 * It follows the last non-zero part of the number as spoken (units, tens, hundreds, thousands):
 * bir, iki, beş, yeddi, səkkiz, iyirmi, əlli, yetmiş, səksən, min take -ci; üç, dörd, yüz -cü;
 * altı, qırx, altmış, doxsan -cı; doqquz, on, otuz -cu.
 */
export function azYearSuffix(year: number): string {
  const units: Record<number, string> = { 1: 'ci', 2: 'ci', 3: 'cü', 4: 'cü', 5: 'ci', 6: 'cı', 7: 'ci', 8: 'ci', 9: 'cu' };
  const tens: Record<number, string> = { 1: 'cu', 2: 'ci', 3: 'cu', 4: 'cı', 5: 'ci', 6: 'cı', 7: 'ci', 8: 'ci', 9: 'cı' };
  if (year % 10 !== 0) return units[year % 10]!;
  if (year % 100 !== 0) return tens[(year % 100) / 10]!;
  if (year % 1000 !== 0) return 'cü'; // yüz: 1900-cü, 2100-cü
  return 'ci'; // min: 2000-ci
}

/**
 * A language's date style, as data/lang/<code>.yaml gives it under `date`: a pattern with
 * {d} (day, 1-31), {dd} (01-31), {month} (its name), {mm} (01-12), {yyyy} (year) and {ci}
 * (the Azerbaijani year suffix), and the twelve month names.
 */
export interface LangDateStyle {
  pattern: string;
  months: readonly string[];
  /** The language's code, to lower-case the month names by its rules ('az': İ becomes i). */
  lowerCaseMonths?: string;
}

/** The official Azerbaijani style, "23 dekabr 2007-ci il". */
export const AZ_DATE_STYLE: LangDateStyle = { pattern: '{d} {month} {yyyy}-{ci} il', months: AZ_MONTHS, lowerCaseMonths: 'az' };

/** "2007-12-23" in a language's style; a RangeError for a string that is not a real yyyy-mm-dd date. */
export function formatLangDate(iso: string, style: LangDateStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  // Date.UTC rolls 2014-02-30 over into March: a real date comes back as itself.
  const real = m && month >= 1 && month <= 12 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
  if (!real) throw new RangeError(`'${iso}' is not a date written yyyy-mm-dd`);
  if (style.months.length !== 12) throw new RangeError(`a date style needs 12 month names, not ${style.months.length}`);
  const name = style.months[month - 1]!;
  const values: Record<string, string> = {
    d: String(day),
    dd: m[3]!,
    month: style.lowerCaseMonths ? name.toLocaleLowerCase(style.lowerCaseMonths) : name,
    mm: m[2]!,
    yyyy: m[1]!,
    ci: azYearSuffix(year),
  };
  return style.pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "23 dekabr 2007-ci il" from "2007-12-23": the official Azerbaijani style. */
export function formatAzDate(iso: string): string {
  return formatLangDate(iso, AZ_DATE_STYLE);
}

const DEFAULT_FORMAT: Record<string, string> = {
  az: "d MMMM yyyy-{ci} 'il'",
  'en-US': 'MMMM d, yyyy',
};

/** date-fns's own files, when running unbuilt (see date-locales.ts). */
const fromNodeModules = createRequire(import.meta.url);

const LOCALE_CODE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,4})?$/;

/** The locale codes date-fns ships ("en-GB", "az", "ru", ...). */
export function availableLocales(): string[] {
  if (dateLocales) return Object.keys(dateLocales);
  return readdirSync(dirname(fromNodeModules.resolve('date-fns/locale/en-GB')))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -'.js'.length))
    .filter((code) => LOCALE_CODE.test(code) && code !== 'cdn'); // cdn.js is every locale at once
}

async function loadLocale(code: string): Promise<Locale | undefined> {
  // A locale code is a file name of date-fns: never a path.
  if (!LOCALE_CODE.test(code)) return undefined;
  let mod: Record<string, unknown>;
  try {
    if (dateLocales) {
      if (!Object.hasOwn(dateLocales, code)) return undefined;
      mod = await dateLocales[code]!();
    } else {
      mod = fromNodeModules(`date-fns/locale/${code}`) as typeof mod;
    }
  } catch {
    return undefined;
  }
  const locale = (mod.default ?? Object.values(mod)[0]) as Locale | undefined;
  if (!locale || code !== 'az') return locale;
  // Official Azerbaijani style: months in lower case, in the nominative.
  return {
    ...locale,
    localize: { ...locale.localize!, month: (n: number) => AZ_MONTHS[n]! },
  };
}

/** Turns our pattern into date-fns's: `{ci}` becomes the quoted Azerbaijani year suffix. */
function expand(pattern: string, iso: string): string {
  return pattern.replaceAll('{ci}', `'${azYearSuffix(Number(iso.slice(0, 4)))}'`);
}

/** A problem with `dates` in appeal.yaml: which key, and the sentence. */
export interface DateStyleProblem {
  key: 'locale' | 'format';
  message: string;
}

/**
 * Reads `dates.format` and `dates.locale`; a problem names the key when the locale is not
 * one date-fns has or the pattern cannot format a date.
 */
export async function loadDateStyle(dates: {
  format?: string;
  locale: string;
}): Promise<{ style?: DateStyle; problem?: DateStyleProblem }> {
  const locale = await loadLocale(dates.locale);
  if (!locale) {
    const known = availableLocales();
    const hint = didYouMean(dates.locale, known) || ' Use a code such as en-GB, en-US, fr, ru or az.';
    return { problem: { key: 'locale', message: `'${dates.locale}' is not a locale date-fns knows.${hint}` } };
  }
  const pattern = dates.format ?? DEFAULT_FORMAT[dates.locale] ?? 'd MMMM yyyy';
  const style: DateStyle = {
    format: (iso) => formatDate(parseISO(iso), expand(pattern, iso), { locale }),
  };
  try {
    style.format('2007-12-23');
  } catch (e) {
    const why = (e as Error).message.replace(/\s*See: https?:\S+/, '');
    return {
      problem: {
        key: 'format',
        message:
          `'${pattern}' is not a date pattern date-fns can use (${why}). ` + `Letters must be quoted: d MMMM yyyy, or "d 'of' MMMM yyyy".`,
      },
    };
  }
  return { style };
}
