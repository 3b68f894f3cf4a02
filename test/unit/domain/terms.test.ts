import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../../src/domain/terms.js';

describe('isRealDate', () => {
  it('takes the days that exist, written yyyy-mm-dd', () => {
    for (const s of ['2007-12-17', '2000-02-29', '2024-02-29', '0001-01-01', '9999-12-31', '2023-04-30'])
      expect(isRealDate(s), s).toBe(true);
  });

  it('refuses days that do not exist and other ways of writing a date', () => {
    const bad = [
      '2014-02-30',
      '1900-02-29',
      '2100-02-29',
      '2023-02-29',
      '2023-04-31',
      '2023-00-10',
      '2023-13-01',
      '2023-01-00',
      '2023-01-32',
    ];
    const written = [
      '2023-1-01',
      '20230-01-01',
      ' 2023-01-01',
      '2023-01-01 ',
      '2023-01-01\n',
      '2023-01-01T00:00',
      '+02023-01-01',
      '2023-W01-1',
      '',
      '２０２３-01-01',
    ];
    for (const s of [...bad, ...written]) expect(isRealDate(s), JSON.stringify(s)).toBe(false);
  });

  it('agrees with date-fns (what it used before) on every day of many years', () => {
    const before = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)) && parseISO(s).getDate() === Number(s.slice(8, 10));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let checked = 0;
    for (const year of [0, 4, 100, 400, 1600, 1700, 1900, 1999, 2000, 2001, 2004, 2023, 2024, 2100, 2400, 9996, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isRealDate(s), s).toBe(before(s));
          checked++;
        }
      }
    }
    expect(checked).toBe(17 * 14 * 33);
  });
});
