/**
 * Recording an entry: written whole to a temporary file, then linked to its final name, which
 * fails if the name exists. The register therefore never holds a torn entry or a number twice,
 * and two git branches that take the same number add the same path, so git reports the conflict.
 */
import { closeSync, linkSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config, Entry } from '../load/schema.js';
import { asRegistered, entryPath, serialiseEntry, type RegisteredEntry } from './entry.js';

/** Raised when another process took the number first: the caller takes the next one. */
export class NumberTaken extends Error {}

/**
 * Records an entry: writes it whole to a temporary file, then links it to its final name, which
 * fails if the name exists. The register therefore never holds a torn entry or a number twice.
 * `text` is the entry's text when the caller has it already (serialiseEntry(entry)).
 *
 * `announced` is a file that holds `text` already, whole: the pending file of a letter being
 * issued (register/pending.ts). The entry is then linked from it and nothing is written. That
 * saves a file a letter and, when the pending file is removed, frees no inode (the entry keeps
 * it): on ext4 without a journal (this project's CI machines) every file created in the next
 * seconds skips each recently freed inode one by one, so in a batch of 1,000 PDF letters creating
 * a file had grown to ~250 us and cost ~1 ms a letter.
 */
export function recordEntry(
  root: string,
  config: Config,
  entry: Entry,
  text = serialiseEntry(entry),
  announced?: string,
): RegisteredEntry {
  const rel = entryPath(config, entry.number, entry.date);
  const final = join(root, 'register', rel);
  mkdirSync(dirname(final), { recursive: true });
  let tmp = announced;
  if (tmp === undefined) {
    tmp = join(dirname(final), `.tmp-${process.pid}-${entry.number}.yaml`);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  }
  try {
    linkSync(tmp, final);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new NumberTaken(rel);
    throw e;
  } finally {
    if (announced === undefined) unlinkSync(tmp);
  }
  return asRegistered(config, entry);
}
