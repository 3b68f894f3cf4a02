/**
 * Reading the register: every entry file under register/, each parsed and checked, and the
 * register as a whole checked (no reference, number or update taken twice, as after a careless
 * git merge).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppealError, type Problem } from '../errors.js';
import type { Config } from '../load/schema.js';
import { readText } from '../load/source.js';
import { parseEntry, sequenceOf, type RegisteredEntry } from './entry.js';
import { compareEntries } from './numbering.js';

export type { RegisteredEntry } from './entry.js';

export interface Register {
  entries: RegisteredEntry[];
  problems: Problem[];
}

/** The entry files under register/ (relative to it); a symbolic link is a problem, never followed. */
function listEntryFiles(dir: string, base: string, problems: Problem[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  // Each name's type from the listing, as lstat gives it (a link is not followed): no lstat per
  // entry file.
  const items = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const { name } = item;
    if (name.startsWith('.')) continue; // the lock, pending and temporary files
    const abs = join(dir, name);
    if (item.isSymbolicLink()) {
      problems.push({
        file: `register/${relative(base, abs)}`,
        message: 'this is a symbolic link: register entries are plain files inside the workspace. Replace it with the entry file itself.',
      });
    } else if (item.isDirectory()) out.push(...listEntryFiles(abs, base, problems));
    else if (name.endsWith('.yaml')) out.push(relative(base, abs));
  }
  return out;
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
  let text: string;
  try {
    text = readText(abs, `register/${rel}`, 'YAML');
  } catch (e) {
    if (e instanceof AppealError) return { problems: e.problems };
    throw e;
  }
  const counter = `${config.references.counter} ${config.references.format}`;
  const cached = entryCache.get(abs);
  if (cached && cached.text === text && cached.counter === counter) return cached;
  const result = { text, counter, ...parseEntry(rel, text, config) };
  entryCache.set(abs, result);
  return result;
}

/**
 * Reads every entry, and checks the register as a whole: each file valid, its name matching its
 * number, no reference, number or update taken twice (as after a careless git merge).
 */
export function readRegister(root: string, config: Config): Register {
  const dir = join(root, 'register');
  const problems: Problem[] = [];
  const entries: RegisteredEntry[] = [];
  for (const rel of listEntryFiles(dir, dir, problems)) {
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
          `the number ${e.number} is also taken by ${num.file}: two branches issued the same number. ` +
            "Keep one, and record the other again with 'appeal register add' under a free number.",
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


/** The register's entries, oldest first, or an AppealError listing everything wrong with it. */
export function readValidRegister(root: string, config: Config): RegisteredEntry[] {
  const register = readRegister(root, config);
  if (register.problems.length) throw new AppealError(register.problems);
  return register.entries;
}
