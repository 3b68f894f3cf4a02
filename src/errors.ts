/**
 * The one error type for anything the user can fix: bad input files, an unknown case, an
 * impossible date. Each problem names where it is (file, line, column), which key, and says
 * in a sentence what is wrong and what to do. The CLI prints them and exits 1; never a stack trace.
 */

export interface Problem {
  /** Path of the file, relative to the workspace where possible ("cases/metinpur.yaml"). */
  file?: string;
  line?: number;
  col?: number;
  /** Dotted key path inside the file ("events.2.date"), or a flag ("--date"). */
  key?: string;
  /** A sentence: what is wrong and what to do. */
  message: string;
}

export class AppealError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'AppealError';
    this.problems = list;
  }
}

/** `file:line:col: key: sentence`, leaving out the parts that are not known. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file) {
    where = p.file;
    if (p.line !== undefined) where += `:${p.line}`;
    if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  }
  const head = [where, p.key].filter((s) => s).join(': ');
  return visibleControls(head ? `${head}: ${p.message}` : p.message);
}

/** A message never carries a control character to the terminal: each is shown as \xNN. */
function visibleControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** An update with no new event since the last letter: `appeal batch` skips such a case. */
export class NothingNew extends AppealError {}

/** The command line itself is wrong (flags that do not go together): exit 2, like commander's own. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the system said, as a person reads it, by error code. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full. Free some space and run again',
  EDQUOT: 'the disk quota is used up. Free some space and run again',
  EROFS: 'the file system is read-only. Run appeal where it can write, or make the folder writable',
  EACCES: 'permission denied. Give your user the right to write here (or read, for a file appeal reads)',
  EPERM: 'the operation is not permitted here. Check the permissions of the folder',
  ENOTDIR: 'a part of this path is a file, not a folder. Choose another path',
  EISDIR: 'this is a folder, where a file was expected. Choose another path',
  ELOOP: 'this path runs in a loop of symbolic links. Correct the links',
  ENAMETOOLONG: 'this path is too long. Choose a shorter one',
  EMFILE: 'too many files are open at once. Close other programs and run again',
  EIO: 'the disk reported an input/output error. Check the disk and run again',
  ENOENT: 'there is no such file or folder. Check the path',
  EEXIST: 'something already exists at this path. Move it away and run again',
};

/**
 * A failure of the machine rather than of appeal (a full disk, a read-only folder, a missing
 * permission), as a Problem naming the file and what to do; undefined for anything else.
 */
export function systemProblem(e: unknown, root?: string, verb?: string): Problem | undefined {
  const err = e as NodeJS.ErrnoException;
  if (!err || typeof err.code !== 'string' || !(err.code in SYSTEM_ERRORS)) return undefined;
  let file = err.path ?? (err as { dest?: string }).dest;
  if (file && root && file.startsWith(`${root}/`)) file = file.slice(root.length + 1);
  const verbs: Record<string, string> = {
    mkdir: 'create this folder',
    scandir: 'read this folder',
    unlink: 'remove this',
    rename: 'write this',
  };
  const what =
    verb ??
    verbs[err.syscall ?? ''] ??
    (err.syscall === 'open' || err.syscall === 'write' || err.syscall === 'link' ? 'write or read this' : 'use this');
  return { file, message: `cannot ${what} (${err.code}): ${SYSTEM_ERRORS[err.code]}.` };
}
