/**
 * Numbering: the next reference number, the next update number on a case, and the order of
 * entries. Pure: it reads a list of entries, never the disk.
 */
import type { Config, Entry } from '../load/schema.js';

/** Oldest first: by date, then number. */
export function compareEntries(a: Entry, b: Entry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.number - b.number;
}

/**
 * What numbering asks of a list of entries, kept beside it: the entries of each case and the
 * highest number of each year and of all. A run's list only grows (each letter of a batch adds
 * its entry), so the index catches up with the entries added since it was last asked, and each
 * letter costs the same however long the register (scanning the whole list three times a letter
 * made a batch of n letters cost n squared: 0.2 ms a letter at 1,000). A list that shrank, or
 * whose last entry is not the one indexed, is indexed again.
 */
interface Index {
  count: number;
  last?: Entry;
  byCase: Map<string, Entry[]>;
  highest: number;
  highestIn: Map<string, number>;
}

const indexes = new WeakMap<readonly Entry[], Index>();

function indexOf(entries: readonly Entry[]): Index {
  let index = indexes.get(entries);
  if (!index || index.count > entries.length || (index.count > 0 && entries[index.count - 1] !== index.last)) {
    index = { count: 0, byCase: new Map(), highest: -Infinity, highestIn: new Map() };
    indexes.set(entries, index);
  }
  for (; index.count < entries.length; index.count++) {
    const e = entries[index.count]!;
    const onCase = index.byCase.get(e.case);
    if (onCase) onCase.push(e);
    else index.byCase.set(e.case, [e]);
    if (e.number > index.highest) index.highest = e.number;
    const year = e.date.slice(0, 4);
    if (e.number > (index.highestIn.get(year) ?? -Infinity)) index.highestIn.set(year, e.number);
  }
  index.last = entries[entries.length - 1];
  return index;
}

/** The entries on a case, in the order of the list. */
export function entriesOn<T extends Entry>(entries: readonly T[], caseId: string): T[] {
  return [...((indexOf(entries).byCase.get(caseId) ?? []) as T[])];
}

/** The number the next communication dated `date` takes. */
export function nextNumber(entries: readonly Entry[], config: Config, date: string): number {
  const index = indexOf(entries);
  const highest = config.references.counter === 'yearly' ? index.highestIn.get(date.slice(0, 4)) : index.highest;
  return Math.max(config.references.start - 1, highest ?? -Infinity) + 1;
}

/** Update No N on a case: one more than the highest update number the case has. */
export function nextUpdate(entries: readonly Entry[], caseId: string): number {
  let max = 0;
  for (const e of indexOf(entries).byCase.get(caseId) ?? []) if (e.update !== undefined && e.update > max) max = e.update;
  return max + 1;
}

/** The latest entry on a case dated on or before `date`. */
export function latestOn<T extends Entry>(entries: readonly T[], caseId: string, date: string): T | undefined {
  return entriesOn(entries, caseId)
    .filter((e) => e.date <= date)
    .sort(compareEntries)
    .pop();
}
