/**
 * The register against everything around it: what a person, git or a crash can leave. Each
 * problem is located in the entry file (or names the leftover) and says what to do.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { leavesWorkspace, outsideMessage } from '../load/inside.js';
import type { Config } from '../load/schema.js';
import type { RegisteredEntry } from './entry.js';
import { sequenceOf } from './entry.js';
import { pendingFiles } from './pending.js';

/** One buffer for every letter read: validate reads each letter the register names (41 MB for 2,000). */
let chunk: Buffer | undefined;

/** The SHA-256 of an open file, read through one reused buffer; closes it. */
function digestOf(fd: number): string {
  try {
    const hash = createHash('sha256');
    chunk ??= Buffer.allocUnsafe(1 << 20);
    for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * The SHA-256 of a file, read through one reused buffer (a fresh buffer per letter cost a third
 * more: 115 -> 80 ms for 2,000 letters); undefined when there is no such file.
 */
function fileDigest(abs: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    if (!existsSync(abs)) return undefined;
    throw e;
  }
  return digestOf(fd);
}

/** Where a letter leads out of the workspace, else its digest (undefined: missing). */
type LetterRead = { outside?: 'absolute' | 'climbs' | 'link'; digest?: string };

/** A path of plain names (out/2007/475-x.txt): no '.', '..', empty or absolute part. */
const PLAIN_PATH = /^(?:(?!\.\.?\/)[^/\\:]+\/)*(?!\.\.?$)[^/\\:]+$/;

/**
 * Whether a letter stays inside the workspace, and its digest, as leavesWorkspace and fileDigest
 * would say, with fewer calls: its folder's real path is resolved once for all the letters in it,
 * and the letter is opened without following a link (a folder inside and a file that is not a link
 * is inside). 2,000 letters took a realpath each. Anything else (a link, an error, another system)
 * takes the long way, so that every answer and message stays the same.
 */
function letterDigest(root: string, path: string, folders: Map<string, boolean>): LetterRead {
  const noFollow = constants.O_NOFOLLOW;
  if (sep === '/' && noFollow !== undefined && PLAIN_PATH.test(path)) {
    const folder = dirname(path);
    let inside = folders.get(folder);
    if (inside === undefined) folders.set(folder, (inside = !leavesWorkspace(root, folder)));
    if (inside) {
      const abs = join(root, path);
      let fd: number | undefined;
      try {
        fd = openSync(abs, constants.O_RDONLY | noFollow);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      }
      if (fd !== undefined) return { digest: digestOf(fd) };
    }
  }
  const outside = leavesWorkspace(root, path);
  return outside ? { outside } : { digest: fileDigest(join(root, path)) };
}

/** What the rest of the workspace says, for the entries to be checked against. */
export interface RegisterContext {
  root: string;
  config: Config;
  /** Case id -> the ids of its events (their `id`, or the digest of date and text); null if it could not be read. */
  caseEvents: Map<string, Set<string> | null>;
}

/** Numbers follow dates within a numbering sequence: 476 is not dated before 475. */
function datesAgainstNumbers(entries: RegisteredEntry[], config: Config): Problem[] {
  const problems: Problem[] = [];
  const bySequence = new Map<string, RegisteredEntry[]>();
  for (const e of entries) bySequence.set(sequenceOf(config, e), [...(bySequence.get(sequenceOf(config, e)) ?? []), e]);
  for (const list of bySequence.values()) {
    const byNumber = [...list].sort((a, b) => a.number - b.number);
    let latest: RegisteredEntry | undefined;
    for (const e of byNumber) {
      if (latest && e.date < latest.date && e.number !== latest.number) {
        problems.push(
          e.source.problem(
            ['date'],
            `${e.reference} is dated ${e.date}, before ${latest.reference} (${latest.date}), which has a lower number: ` +
              'numbers are taken in the order letters are sent. Correct the date that is wrong.',
          ),
        );
      }
      if (!latest || e.date > latest.date) latest = e;
    }
  }
  return problems;
}

/** Update numbers on a case run on without a gap, in the order of their dates. */
function updateSequence(entries: RegisteredEntry[]): Problem[] {
  const problems: Problem[] = [];
  const byCase = new Map<string, RegisteredEntry[]>();
  for (const e of entries) if (e.update !== undefined) byCase.set(e.case, [...(byCase.get(e.case) ?? []), e]);
  for (const [caseId, list] of byCase) {
    const sorted = [...list].sort((a, b) => a.update! - b.update!);
    // The first recorded update may be above 1: earlier ones were sent before the register.
    for (let i = 1; i < sorted.length; i++) {
      const [before, e] = [sorted[i - 1]!, sorted[i]!];
      if (e.update! > before.update! + 1) {
        const [from, to] = [before.update! + 1, e.update! - 1];
        const missing = from === to ? `Update No ${from}` : `Updates No ${from} to ${to}`;
        problems.push(
          e.source.problem(
            ['update'],
            `${missing} on '${caseId}' ${from === to ? 'is' : 'are'} missing between ${before.reference} ` +
              `and ${e.reference}: record ${from === to ? 'it' : 'them'} with appeal register add, or correct this number.`,
          ),
        );
      }
      if (e.update! > before.update! && e.date < before.date) {
        problems.push(
          e.source.problem(
            ['date'],
            `Update No ${e.update} on '${caseId}' is dated before Update No ${before.update} (${before.date}): correct the date.`,
          ),
        );
      }
    }
  }
  return problems;
}

/** Whether `path` leads to a folder (false for a link that leads nowhere or in a loop). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Temporary and pending files of runs that were stopped: `appeal repair` clears them. */
function leftovers(root: string, config: Config): Problem[] {
  const found: string[] = [...pendingFiles(root)];
  // Each folder once, by its real path: a link back up (out/loop -> out) is not walked forever.
  const walked = new Set<string>();
  const links: string[] = [];
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      return; // no such folder
    }
    if (walked.has(real)) return;
    walked.add(real);
    // Each name's type from the listing: a stat for each of 2,000 letters cost 15 ms. Names in
    // order, whatever order the file system lists them in.
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const { name } = item;
      const abs = join(dir, name);
      if (/\.(tmp|stale)-\d+/.test(name)) found.push(relative(root, abs));
      else if (name.startsWith('.')) continue;
      else if (item.isDirectory()) walk(abs);
      else if (item.isSymbolicLink()) links.push(abs);
    }
  };
  walk(join(root, 'register'));
  if (!leavesWorkspace(root, config.output.dir)) walk(join(root, config.output.dir));
  // A link to a folder is followed, as stat did, once the folders themselves are walked: a file
  // is named by its own folder, not by a link to it. A link that leads nowhere is no folder.
  for (let i = 0; i < links.length; i++) if (isFolder(links[i]!)) walk(links[i]!);
  return found.sort().map((file) => ({
    file,
    message: 'a run that was stopped (killed, or the disk full) left this behind: run appeal repair, which finishes or undoes that run.',
  }));
}

/** Every problem of the register's entries against the workspace and the letters on disk. */
export function checkRegister(entries: RegisteredEntry[], context: RegisterContext): Problem[] {
  const { root, config, caseEvents } = context;
  const problems: Problem[] = [...datesAgainstNumbers(entries, config), ...updateSequence(entries), ...leftovers(root, config)];
  const folders = new Map<string, boolean>();
  for (const entry of entries) {
    const events = caseEvents.get(entry.case);
    if (events === undefined) {
      problems.push(
        entry.source.problem(
          ['case'],
          `there is no case '${entry.case}' (no cases/${entry.case}.yaml): restore the case file, or correct the id.`,
        ),
      );
    } else if (events) {
      entry.events.forEach((event, i) => {
        if (events.has(event.id)) return;
        problems.push(
          entry.source.problem(
            ['events', i, 'id'],
            `the event ${event.id} (${event.date}) that ${entry.reference} reported is no longer in cases/${entry.case}.yaml: ` +
              `its date or text changed after the letter. Give that event 'id: ${event.id}' to keep it matched, or restore it.`,
          ),
        );
      });
    }
    // A letter named in the register is on disk, and is the one that was sent.
    entry.files.forEach((f, i) => {
      const { outside, digest } = letterDigest(root, f.path, folders);
      if (outside) {
        if (outside === 'link') problems.push(entry.source.problem(['files', i, 'path'], outsideMessage(f.path, outside)));
        return; // '..' and absolute paths are reported with the entry; never read
      }
      if (digest === undefined) {
        problems.push(
          entry.source.problem(
            ['files', i, 'path'],
            `${f.path}, the letter recorded as ${entry.reference}, is missing: restore it (git checkout -- ${f.path}, or from a backup).`,
          ),
        );
      } else if (digest !== f.sha256) {
        problems.push(
          entry.source.problem(
            ['files', i, 'sha256'],
            `${f.path} is not the letter recorded as ${entry.reference}: it was changed after it was ` +
              `issued. Restore it (git checkout -- ${f.path}); to send a corrected letter, issue a new one.`,
          ),
        );
      }
    });
  }
  return problems;
}
