/**
 * Everything appeal reads or writes stays inside the workspace: no path that climbs out with
 * '..', is absolute, or leads out through a symbolic link.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Whether `child` is `parent` or below it (both absolute). */
function within(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The real path of `abs`: of its nearest existing ancestor, with the rest joined on. The native
 * realpath is one system call where Node's own walks every component with lstat: for validate on
 * 1,000 cases and their 2,000 letters, 90 ms -> 25 ms.
 */
function realish(abs: string): string {
  try {
    return realpathSync.native(abs);
  } catch {
    // missing (or unreadable): the nearest ancestor that exists
  }
  let dir = abs;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    return join(realpathSync.native(dir), relative(dir, abs));
  } catch {
    return abs;
  }
}

/** The workspace folder's real path, once per process: every file read or written is checked against it. */
const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real !== undefined) return real;
  try {
    real = realpathSync.native(root);
  } catch {
    return realish(root); // not there yet: nothing to remember
  }
  realRoots.set(root, real);
  return real;
}

/**
 * Why a path (relative to the workspace, as written in a file) leaves the workspace, or undefined.
 * `link` is true when it is inside as written but a symbolic link leads out.
 */
export function leavesWorkspace(root: string, path: string): 'absolute' | 'climbs' | 'link' | undefined {
  if (isAbsolute(path)) return 'absolute';
  const abs = resolve(root, path);
  if (!within(resolve(root), abs)) return 'climbs';
  if (!within(realRoot(resolve(root)), realish(abs))) return 'link';
  return undefined;
}

/** The sentence for a path that leaves the workspace. */
export function outsideMessage(path: string, why: 'absolute' | 'climbs' | 'link'): string {
  const how =
    why === 'absolute'
      ? 'is an absolute path'
      : why === 'climbs'
        ? "climbs out of it with '..'"
        : 'leads out of it through a symbolic link';
  return `'${path}' ${how}: appeal reads and writes only inside the workspace. Give a path inside the workspace folder.`;
}
