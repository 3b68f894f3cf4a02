/** Finding the workspace as git finds a repository. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppealError } from '../errors.js';

export const CONFIG_FILE = 'appeal.yaml';

/** The workspace root: `explicit` if given, else the nearest folder at or above `from` with appeal.yaml. */
export function findWorkspace(from: string, explicit?: string): string {
  if (explicit) {
    const root = resolve(from, explicit);
    if (!existsSync(join(root, CONFIG_FILE))) {
      throw new AppealError({
        key: '--workspace',
        message: `${root} has no ${CONFIG_FILE}: name a workspace folder, or create one with 'appeal init ${explicit}'.`,
      });
    }
    return root;
  }
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new AppealError({
    message:
      `no ${CONFIG_FILE} in ${resolve(from)} or any folder above it: run appeal inside ` +
      `a workspace, name one with --workspace DIR, or create one with 'appeal init'.`,
  });
}
