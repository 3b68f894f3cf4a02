/** Making folders, one level at a time. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppealError } from './errors.js';

/**
 * Makes a folder and its missing parents one level at a time: Node's recursive mkdir can spin
 * on /proc and reports a read-only file system as ENOENT, where this reports what is true.
 */
export function makeFolder(abs: string): void {
  const missing: string[] = [];
  let dir = abs;
  while (!existsSync(dir) && dirname(dir) !== dir) {
    missing.unshift(dir);
    dir = dirname(dir);
  }
  if (!statSync(dir).isDirectory()) {
    throw new AppealError({ file: dir, message: 'this is a file, not a folder: choose another place, or move the file away.' });
  }
  for (const d of missing) mkdirSync(d);
}
