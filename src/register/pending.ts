/**
 * A letter being issued: a number is taken only together with its letters. Under the register
 * lock, a run first writes `register/.pending-<n>.yaml` (the entry it is about to record, with
 * the SHA-256 of each file), then the letter files, then the entry itself (the moment the number
 * is taken), then removes the pending file. Whatever stops a run (a kill, a full disk, a
 * read-only folder), the next run that takes the lock, or `appeal repair`, finishes the story:
 * - the entry exists: the letter was issued; the pending file is removed;
 * - no entry: nothing was issued; the files the run wrote (same SHA-256) are removed.
 * So the register never names a letter that is not on disk, and no orphan letter stays behind.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { Config, Entry } from '../load/schema.js';
import { entryPath, serialiseEntry } from './entry.js';

const PENDING = /^\.pending-(\d+)(?:-(\d{4}))?\.yaml$/;

/** register/.pending-475.yaml (or .pending-1-2008.yaml for a yearly counter). */
function pendingName(config: Config, entry: Entry): string {
  const year = config.references.counter === 'yearly' ? `-${entry.date.slice(0, 4)}` : '';
  return `.pending-${entry.number}${year}.yaml`;
}

/**
 * Announces the letter about to be issued; returns the pending file's path. `text` is the entry's
 * text when the caller has it already (it records the same text next).
 */
export function beginPending(root: string, config: Config, entry: Entry, text = serialiseEntry(entry)): string {
  const path = join(root, 'register', pendingName(config, entry));
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return path;
}

/** The letter is issued (or rolled back): the pending file goes. */
export function endPending(path: string): void {
  // One unlink: rmSync looks at the file twice first, for each letter of a batch.
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Removes the files an unfinished run wrote, when they are still the bytes it wrote. */
export function removeWritten(root: string, files: { path: string; sha256?: string }[]): string[] {
  const removed: string[] = [];
  for (const f of files) {
    const abs = join(root, f.path);
    try {
      if (f.sha256 === undefined || sha256(readFileSync(abs)) === f.sha256) {
        unlinkSync(abs);
        removed.push(f.path);
      }
    } catch {
      /* never written, or gone */
    }
    // A temporary file of the same letter (killed while writing it).
    const dir = dirname(abs);
    const base = abs.slice(dir.length + 1);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir)) {
        if (name.startsWith(`${base}.tmp-`)) rmSync(join(dir, name), { force: true });
      }
    }
  }
  return removed;
}

export interface Recovered {
  /** Letters whose entry was recorded: issued, nothing to undo. */
  completed: string[];
  /** Letters whose entry was never recorded: their files were removed. */
  rolledBack: string[];
}

/** Finishes what interrupted runs left (called with the register lock held). */
export function recoverPending(root: string, config: Config): Recovered {
  const dir = join(root, 'register');
  const out: Recovered = { completed: [], rolledBack: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!PENDING.test(name)) continue;
    const path = join(dir, name);
    let entry: Entry | undefined;
    try {
      entry = parse(readFileSync(path, 'utf8')) as Entry;
    } catch {
      entry = undefined; // torn while written: nothing after it happened
    }
    if (entry && typeof entry.number === 'number' && typeof entry.date === 'string' && Array.isArray(entry.files)) {
      const recorded = join(dir, entryPath(config, entry.number, entry.date));
      if (existsSync(recorded) && readFileSync(recorded, 'utf8') === serialiseEntry(entry)) {
        out.completed.push(entry.reference);
      } else {
        removeWritten(root, entry.files);
        out.rolledBack.push(entry.reference);
      }
    }
    endPending(path);
  }
  return out;
}

/** The pending files in register/: what `appeal validate` reports as an interrupted run. */
export function pendingFiles(root: string): string[] {
  const dir = join(root, 'register');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => PENDING.test(n))
    .sort()
    .map((n) => `register/${n}`);
}
