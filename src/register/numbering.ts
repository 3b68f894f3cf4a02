/**
 * Numbering: the next reference number, the next update number on a case, and the order of
 * entries. Pure: it reads a list of entries, never the disk.
 */
import type { Config, Entry } from '../load/schema.js';

/** Oldest first: by date, then number. */
export function compareEntries(a: Entry, b: Entry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number;
}

/** The number the next communication dated `date` takes. */
export function nextNumber(entries: Entry[], config: Config, date: string): number {
  const yearly = config.references.counter === 'yearly';
  let max = config.references.start - 1;
  for (const e of entries) {
    if (yearly && e.date.slice(0, 4) !== date.slice(0, 4)) continue;
    if (e.number > max) max = e.number;
  }
  return max + 1;
}


/** Update No N on a case: one more than the highest update number the case has. */
export function nextUpdate(entries: Entry[], caseId: string): number {
  let max = 0;
  for (const e of entries) if (e.case === caseId && e.update !== undefined && e.update > max) max = e.update;
  return max + 1;
}

/** The latest entry on a case dated on or before `date`. */
export function latestOn<T extends Entry>(entries: T[], caseId: string, date: string): T | undefined {
  return entries.filter((e) => e.case === caseId && e.date <= date).sort(compareEntries).pop();
}
