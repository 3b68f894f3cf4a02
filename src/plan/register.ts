/**
 * The outgoing register: one YAML file per communication issued, named by its number
 * (register/475.yaml; register/2008/1.yaml for a yearly counter). One file a number means:
 * - an entry is created with an exclusive hard link of a complete temporary file, so a number
 *   is never taken twice and a crash leaves either no entry or a whole one;
 * - two git branches that each take the same number add the same path, and git reports the
 *   merge conflict; `appeal validate` reports any duplicate that gets past git.
 * A lock file (register/.lock) makes concurrent runs take turns, so that update numbers and the
 * events since the last letter are worked out on a register that does not change underneath.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { AppealError, type Problem } from '../errors.js';
import { entrySchema, type Config, type Entry } from '../load/schema.js';
import { parseYaml, type YamlSource } from '../load/source.js';
import { check } from '../load/validate.js';
import { parseReference } from './reference.js';

export interface RegisteredEntry extends Entry {
  /** The entry's file, relative to the workspace. */
  file: string;
  source: YamlSource;
}

export interface Register {
  entries: RegisteredEntry[];
  problems: Problem[];
}

const LOCK = '.lock';

function listEntryFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue; // the lock and temporary files
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listEntryFiles(abs, base));
    else if (name.endsWith('.yaml')) out.push(relative(base, abs));
  }
  return out;
}

/** The path of an entry's file inside register/, from its number and date. */
export function entryPath(config: Config, number: number, date: string): string {
  return config.references.counter === 'yearly' ? `${date.slice(0, 4)}/${number}.yaml` : `${number}.yaml`;
}

/** The numbering sequence an entry belongs to: all of them, or its year. */
function sequenceOf(config: Config, entry: Entry): string {
  return config.references.counter === 'yearly' ? entry.date.slice(0, 4) : 'all';
}

/**
 * Entries already read in this process, by path, with the text they were read from: an entry
 * is written once and never changed, so a batch of 200 letters reads each file's text again
 * (it may have changed, by hand or by git) but parses it only once.
 */
const entryCache = new Map<string, { text: string; counter: string; entry?: RegisteredEntry; problems: Problem[] }>();

/** One entry file: parsed, checked, its name matched against its number. */
function readEntry(dir: string, rel: string, config: Config): { entry?: RegisteredEntry; problems: Problem[] } {
  const abs = join(dir, rel);
  const text = readFileSync(abs, 'utf8');
  const counter = `${config.references.counter} ${config.references.format}`;
  const cached = entryCache.get(abs);
  if (cached && cached.text === text && cached.counter === counter) return cached;
  const result = { text, counter, ...parseEntry(rel, text, config) };
  entryCache.set(abs, result);
  return result;
}

function parseEntry(rel: string, text: string, config: Config): { entry?: RegisteredEntry; problems: Problem[] } {
  const shown = `register/${rel}`;
  const marker = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (marker) {
    const line = text.slice(0, marker.index).split('\n').length;
    return {
      problems: [
        {
          file: shown,
          line,
          col: 1,
          message:
            'this entry holds git conflict markers: two branches issued this number. Keep one entry here, and record the other communication again with `appeal register add` under the next free number.',
        },
      ],
    };
  }
  let source: YamlSource;
  try {
    source = parseYaml(shown, text);
  } catch (e) {
    if (e instanceof AppealError) return { problems: e.problems };
    throw e;
  }
  const { value, problems } = check(source, entrySchema);
  if (!value) return { problems };
  const expected = entryPath(config, value.number, value.date);
  if (rel !== expected && rel !== `${value.number}.yaml`) {
    problems.push(
      source.problem(['number'], `this entry holds number ${value.number} but its file is ${shown}: rename it to register/${expected}.`),
    );
  }
  const parsed = parseReference(config.references.format, value.reference);
  if (parsed && parsed.n !== value.number) {
    problems.push(source.problem(['number'], `the number ${value.number} does not match the reference ${value.reference}.`));
  }
  return { entry: { ...value, file: shown, source }, problems };
}

/**
 * Reads every entry, and checks the register as a whole: each file valid, its name matching its
 * number, no reference, number or update taken twice (as after a careless git merge).
 */
export function readRegister(root: string, config: Config): Register {
  const dir = join(root, 'register');
  const problems: Problem[] = [];
  const entries: RegisteredEntry[] = [];
  for (const rel of listEntryFiles(dir, dir)) {
    const read = readEntry(dir, rel, config);
    problems.push(...read.problems);
    if (read.entry) entries.push(read.entry);
  }

  const byRef = new Map<string, RegisteredEntry>();
  const byNumber = new Map<string, RegisteredEntry>();
  const byUpdate = new Map<string, RegisteredEntry>();
  for (const e of entries) {
    const ref = byRef.get(e.reference);
    if (ref)
      problems.push(
        e.source.problem(
          ['reference'],
          `the reference ${e.reference} is also taken by ${ref.file}: each communication needs its own reference.`,
        ),
      );
    else byRef.set(e.reference, e);
    const numKey = `${sequenceOf(config, e)}#${e.number}`;
    const num = byNumber.get(numKey);
    if (num && !ref)
      problems.push(
        e.source.problem(
          ['number'],
          `the number ${e.number} is also taken by ${num.file}: two branches issued the same number. Keep one, and record the other again with 'appeal register add' under a free number.`,
        ),
      );
    else byNumber.set(numKey, e);
    if (e.update !== undefined) {
      const upKey = `${e.case}#${e.update}`;
      const up = byUpdate.get(upKey);
      if (up)
        problems.push(
          e.source.problem(['update'], `Update No ${e.update} on '${e.case}' is also ${up.file} (${up.reference}): renumber one of them.`),
        );
      else byUpdate.set(upKey, e);
    }
  }
  entries.sort(compareEntries);
  return { entries, problems };
}

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

/** The register's file text for an entry: stable key order, so the same entry is the same bytes. */
export function serialiseEntry(entry: Entry): string {
  const ordered: Record<string, unknown> = {
    reference: entry.reference,
    number: entry.number,
    date: entry.date,
    case: entry.case,
    kind: entry.kind,
  };
  if (entry.update !== undefined) ordered.update = entry.update;
  ordered.recipients = entry.recipients;
  ordered.events = entry.events;
  ordered.files = entry.files;
  if (entry.external) ordered.external = true;
  return stringify(ordered, { lineWidth: 0 });
}

/** Raised when another process took the number first: the caller takes the next one. */
export class NumberTaken extends Error {}

/**
 * Records an entry: writes it whole to a temporary file, then links it to its final name, which
 * fails if the name exists. The register therefore never holds a torn entry or a number twice.
 */
export function recordEntry(root: string, config: Config, entry: Entry): RegisteredEntry {
  const rel = entryPath(config, entry.number, entry.date);
  const final = join(root, 'register', rel);
  mkdirSync(dirname(final), { recursive: true });
  const tmp = join(dirname(final), `.tmp-${process.pid}-${entry.number}.yaml`);
  const text = serialiseEntry(entry);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, final);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new NumberTaken(rel);
    throw e;
  } finally {
    unlinkSync(tmp);
  }
  return asRegistered(config, entry);
}

/** An entry as the register holds it once recorded (for a run that goes on after recording it). */
export function asRegistered(config: Config, entry: Entry): RegisteredEntry {
  const file = `register/${entryPath(config, entry.number, entry.date)}`;
  let source: YamlSource | undefined;
  // Its YAML, with positions, is needed only to point at a problem in it: parsed on first use.
  return Object.defineProperty({ ...entry, file } as RegisteredEntry, 'source', {
    get: () => (source ??= parseYaml(file, serialiseEntry(entry))),
    enumerable: false,
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock left by a process that is gone (killed, crashed) may be broken. */
function isStale(lockPath: string): { stale: boolean; holder: string } {
  let text = '';
  let age = 0;
  try {
    text = readFileSync(lockPath, 'utf8');
    age = Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return { stale: false, holder: '' }; // released meanwhile: try again
  }
  const m = /^(\d+)@(\S+)/.exec(text);
  if (!m) return { stale: age > 5_000, holder: text }; // killed between creating and writing it
  const [, pid, host] = m;
  if (host === hostname() && !processAlive(Number(pid))) return { stale: true, holder: text };
  return { stale: age > 10 * 60_000, holder: text };
}

/** Folders already swept by this process: once is enough (a batch writes 200 letters to one). */
const swept = new Set<string>();

/**
 * Removes the temporary files of runs that were killed before they could clean up
 * ('.tmp-<pid>-...' where that process is gone). Called while holding the lock.
 */
export function sweepLeftovers(dir: string): void {
  if (swept.has(dir) || !existsSync(dir)) return;
  swept.add(dir);
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const m = /\.tmp-(\d+)(?:-|$)/.exec(name);
    if (m && !processAlive(Number(m[1]))) {
      try {
        unlinkSync(abs);
      } catch {
        /* gone already */
      }
    } else if (!name.startsWith('.') && statSync(abs).isDirectory()) {
      sweepLeftovers(abs);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `work` while holding the register lock. Waits for other appeal processes (up to
 * `waitMs`), breaks a lock whose process is gone, and always releases its own.
 */
export async function withRegisterLock<T>(root: string, work: () => Promise<T>, waitMs = 120_000): Promise<T> {
  const dir = join(root, 'register');
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK);
  const token = `${process.pid}@${hostname()} ${new Date().toISOString()}\n`;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const { stale, holder } = isStale(lockPath);
    if (stale) {
      const aside = `${lockPath}-stale-${process.pid}`;
      try {
        renameSync(lockPath, aside);
        // Another process may have broken it and taken it in between: put a live lock back.
        if (readFileSync(aside, 'utf8') !== holder) {
          try {
            linkSync(aside, lockPath);
          } catch {
            /* someone holds it already */
          }
        }
        unlinkSync(aside);
      } catch {
        /* it went away: try again */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppealError({
        file: 'register/.lock',
        message: `the register is locked by another appeal process (${holder.trim()}). Wait for it to finish; if none is running, delete register/.lock.`,
      });
    }
    await sleep(Math.min(200, 5 + attempt * 5) + Math.floor(Math.random() * 20));
  }
  sweepLeftovers(dir);
  try {
    return await work();
  } finally {
    try {
      if (readFileSync(lockPath, 'utf8') === token) unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  }
}
