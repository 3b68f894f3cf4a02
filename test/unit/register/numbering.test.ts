import { describe, expect, it } from 'vitest';
import type { Config, Entry } from '../../../src/load/schema.js';
import { compareEntries, entriesOn, latestOn, nextNumber, nextUpdate } from '../../../src/register/numbering.js';

const entry = (number: number, date: string, kase: string, update?: number): Entry => ({
  reference: `${number}/${date.slice(0, 4)}`,
  number,
  date,
  case: kase,
  kind: update ? 'update' : 'communication',
  update,
  recipients: [],
  events: [],
  files: [],
  external: false,
});
const config = (counter: 'continuous' | 'yearly', start = 1) => ({ references: { format: '{n}/{yyyy}', counter, start } }) as Config;

describe('numbering', () => {
  const entries = [entry(457, '2007-07-04', 'qenilu'), entry(473, '2007-12-12', 'metinpur', 2), entry(1, '2008-01-05', 'x')];

  it('a continuous counter never resets; an empty register starts at `start`', () => {
    expect(nextNumber(entries, config('continuous'), '2008-02-01')).toBe(474);
    expect(nextNumber([], config('continuous', 100), '2008-02-01')).toBe(100);
  });

  it('a yearly counter counts within the letter’s year', () => {
    expect(nextNumber(entries, config('yearly'), '2008-02-01')).toBe(2);
    expect(nextNumber(entries, config('yearly'), '2009-01-01')).toBe(1);
  });

  it('an update is numbered per case, one more than its highest update', () => {
    expect(nextUpdate(entries, 'metinpur')).toBe(3);
    expect(nextUpdate(entries, 'qenilu')).toBe(1);
  });

  it('the latest letter on a case is the last dated on or before the date', () => {
    expect(latestOn(entries, 'metinpur', '2007-12-23')?.number).toBe(473);
    expect(latestOn(entries, 'metinpur', '2007-12-01')).toBeUndefined();
    expect([...entries].sort(compareEntries).map((e) => e.number)).toEqual([457, 473, 1]);
  });

  it('sees the entries a run adds after it was asked, as a batch numbers letter after letter', () => {
    const run = [...entries];
    expect(nextNumber(run, config('continuous'), '2008-02-01')).toBe(474);
    expect(nextUpdate(run, 'metinpur')).toBe(3);
    run.push(entry(474, '2008-02-01', 'metinpur', 3));
    expect(nextNumber(run, config('continuous'), '2008-02-01')).toBe(475);
    expect(nextNumber(run, config('yearly'), '2008-02-01')).toBe(475);
    expect(nextUpdate(run, 'metinpur')).toBe(4);
    expect(latestOn(run, 'metinpur', '2008-03-01')?.number).toBe(474);
    run.push(entry(475, '2008-02-01', 'new-case'));
    expect(entriesOn(run, 'new-case').map((e) => e.number)).toEqual([475]);
    expect(entriesOn(run, 'metinpur').map((e) => e.number)).toEqual([473, 474]);
  });

  it('reads a list again when it shrank or its last entry changed', () => {
    const run = [...entries];
    expect(nextNumber(run, config('continuous'), '2008-02-01')).toBe(474);
    run.pop();
    run.pop();
    expect(nextNumber(run, config('continuous'), '2008-02-01')).toBe(458);
    expect(nextUpdate(run, 'metinpur')).toBe(1);
    run[0] = entry(500, '2007-07-04', 'other');
    expect(nextNumber(run, config('continuous'), '2008-02-01')).toBe(501);
    expect(entriesOn(run, 'qenilu')).toEqual([]);
  });
});
