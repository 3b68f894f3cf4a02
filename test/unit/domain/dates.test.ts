/**
 * Azerbaijani dates in the official style, "23 dekabr 2007-ci il" (DOMAIN.md): the year's suffix
 * follows how the year is read aloud, the month is in lower case. Also the date-fns path that
 * appeal.yaml's `dates.locale: az` takes, which must write the same.
 */
import { describe, expect, it } from 'vitest';
import { AZ_DATE_STYLE, AZ_MONTHS, azYearSuffix, formatAzDate, formatLangDate, loadDateStyle } from '../../../src/domain/dates.js';

// The rule as DOMAIN.md states it, by the year's last digit or its round ending.
const byEnding: [number, string, string][] = [
  [2001, 'ci', 'bir'],
  [2002, 'ci', 'iki'],
  [2003, 'cü', 'üç'],
  [2004, 'cü', 'dörd'],
  [2005, 'ci', 'beş'],
  [2006, 'cı', 'altı'],
  [2007, 'ci', 'yeddi'],
  [2008, 'ci', 'səkkiz'],
  [2009, 'cu', 'doqquz'],
  [2010, 'cu', 'on'],
  [2020, 'ci', 'iyirmi'],
  [2030, 'cu', 'otuz'],
  [2040, 'cı', 'qırx'],
  [2050, 'ci', 'əlli'],
  [2060, 'cı', 'altmış'],
  [2070, 'ci', 'yetmiş'],
  [2080, 'ci', 'səksən'],
  [2090, 'cı', 'doxsan'],
  [1900, 'cü', 'yüz'],
  [2100, 'cü', 'yüz'],
  [2000, 'ci', 'min'],
  [1000, 'ci', 'min'],
  [3000, 'ci', 'min'],
];

describe('azYearSuffix', () => {
  it.each(byEnding)('%i-%s (read ending in %s)', (year, suffix) => {
    expect(azYearSuffix(year)).toBe(suffix);
  });

  it('gives the years DOMAIN.md spells out', () => {
    const spelled = { 2003: 'cü', 2006: 'cı', 2007: 'ci', 2009: 'cu', 2010: 'cu', 2014: 'cü', 2019: 'cu' };
    for (const [year, suffix] of Object.entries(spelled)) expect(`${year}-${azYearSuffix(Number(year))}`).toBe(`${year}-${suffix}`);
  });

  it('follows the last digit whatever comes before it', () => {
    for (let tens = 0; tens < 10; tens++) {
      for (let digit = 1; digit <= 9; digit++) expect(azYearSuffix(1900 + tens * 10 + digit)).toBe(azYearSuffix(2000 + digit));
    }
    // A round ten follows the ten, whatever the hundreds: 1940, 1840, 2140.
    for (const ten of [10, 20, 30, 40, 50, 60, 70, 80, 90]) {
      expect(azYearSuffix(1800 + ten)).toBe(azYearSuffix(2000 + ten));
      expect(azYearSuffix(2100 + ten)).toBe(azYearSuffix(2000 + ten));
    }
  });

  it('writes only the four suffixes of vowel harmony', () => {
    for (let year = 1000; year <= 2999; year++) expect(['ci', 'cı', 'cu', 'cü']).toContain(azYearSuffix(year));
  });
});

describe('formatAzDate', () => {
  it('writes the official style', () => {
    expect(formatAzDate('2007-12-23')).toBe('23 dekabr 2007-ci il');
    expect(formatAzDate('2019-01-12')).toBe('12 yanvar 2019-cu il');
    expect(formatAzDate('2003-10-31')).toBe('31 oktyabr 2003-cü il');
    expect(formatAzDate('2020-03-31')).toBe('31 mart 2020-ci il');
    expect(formatAzDate('2006-06-15')).toBe('15 iyun 2006-cı il');
  });

  it.each(byEnding)('dates a letter in %i with -%s', (year, suffix) => {
    expect(formatAzDate(`${year}-05-09`)).toBe(`9 may ${year}-${suffix} il`);
  });

  const months = ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'];
  it.each(months.map((name, i) => [i + 1, name] as const))('names month %i %s, in lower case', (month, name) => {
    const mm = String(month).padStart(2, '0');
    expect(formatAzDate(`2014-${mm}-01`)).toBe(`1 ${name} 2014-cü il`);
    expect(formatAzDate(`2014-${mm}-28`)).toBe(`28 ${name} 2014-cü il`);
  });

  it('writes the day without a leading zero, and the last day of every month', () => {
    expect(formatAzDate('2008-02-29')).toBe('29 fevral 2008-ci il');
    expect(formatAzDate('2009-04-30')).toBe('30 aprel 2009-cu il');
    expect(formatAzDate('2010-01-31')).toBe('31 yanvar 2010-cu il');
    expect(formatAzDate('2010-01-05')).toBe('5 yanvar 2010-cu il');
  });

  it('refuses what is not a real yyyy-mm-dd date', () => {
    for (const bad of ['2014-02-30', '2013-02-29', '2014-13-01', '2014-00-10', '2014-1-5', '23.12.2007', '', '2007-12-23T00:00']) {
      expect(() => formatAzDate(bad)).toThrow(RangeError);
    }
  });

  it('is the same whatever the process time zone', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Baku', 'UTC']) {
        process.env.TZ = zone;
        expect(formatAzDate('2007-01-01')).toBe('1 yanvar 2007-ci il');
        expect(formatAzDate('2007-12-31')).toBe('31 dekabr 2007-ci il');
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('formatLangDate', () => {
  it('lower-cases month names by the language: Azerbaijani İ is i, not i and a dot', () => {
    const style = { ...AZ_DATE_STYLE, months: AZ_MONTHS.map((m) => m.toLocaleUpperCase('az')) };
    expect(style.months[5]).toBe('İYUN');
    expect(formatLangDate('2011-06-03', style)).toBe('3 iyun 2011-ci il');
    expect('İYUN'.toLowerCase()).not.toBe('iyun'); // why toLocaleLowerCase('az') is needed
  });

  it('keeps month names as written when the language does not lower-case them', () => {
    const en = {
      pattern: '{d} {month} {yyyy}',
      months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    };
    expect(formatLangDate('2007-12-23', en)).toBe('23 December 2007');
    expect(formatLangDate('2020-03-31', { ...en, pattern: '{month} {d}, {yyyy}' })).toBe('March 31, 2020');
    expect(formatLangDate('2020-03-01', { ...en, pattern: '{dd}.{mm}.{yyyy}' })).toBe('01.03.2020');
  });

  it('leaves an unknown placeholder as it is', () => {
    expect(formatLangDate('2020-03-31', { pattern: '{d} {x}', months: AZ_MONTHS })).toBe('31 {x}');
  });

  it('needs twelve month names', () => {
    expect(() => formatLangDate('2020-03-31', { pattern: '{month}', months: ['a'] })).toThrow(RangeError);
  });
});

describe("appeal.yaml's dates.locale: az", () => {
  it('writes what formatAzDate writes, for every month and every kind of year', async () => {
    const { style, problem } = await loadDateStyle({ locale: 'az' });
    expect(problem).toBeUndefined();
    for (const [year] of byEnding) {
      for (let month = 1; month <= 12; month++) {
        const iso = `${year}-${String(month).padStart(2, '0')}-17`;
        expect(style!.format(iso)).toBe(formatAzDate(iso));
      }
    }
  });

  it('takes {ci} in a pattern of its own', async () => {
    const { style } = await loadDateStyle({ locale: 'az', format: "yyyy-{ci} 'il' d MMMM" });
    expect(style!.format('2006-12-23')).toBe('2006-cı il 23 dekabr');
  });
});
