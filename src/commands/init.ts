/** `appeal init`: a new workspace from the files in data/init/, never over existing ones. */
import { copyFileSync, existsSync } from 'node:fs';
import { makeFolder } from '../folders.js';
import { dirname, join, resolve } from 'node:path';
import { AppealError } from '../errors.js';
import { dataDir } from '../paths.js';

/** Source in data/init/ -> place in the new workspace. */
const FILES: [string, string][] = [
  ['appeal.yaml', 'appeal.yaml'],
  ['cases/example.yaml', 'cases/example.yaml'],
  ['gitignore', '.gitignore'],
  ['.github/workflows/appeal.yml', '.github/workflows/appeal.yml'],
];

export function initWorkspace(dir: string): string[] {
  const root = resolve(dir);
  makeFolder(root);
  const existing = FILES.filter(([, to]) => existsSync(join(root, to))).map(([, to]) => to);
  if (existing.includes('appeal.yaml')) {
    throw new AppealError({
      file: join(dir, 'appeal.yaml'),
      message: 'a workspace is already here: appeal init writes nothing over an existing appeal.yaml.',
    });
  }
  const written: string[] = [];
  for (const [from, to] of FILES) {
    if (existing.includes(to)) continue; // keep the user's own .gitignore or workflow
    makeFolder(dirname(join(root, to)));
    copyFileSync(join(dataDir(), 'init', from), join(root, to));
    written.push(join(dir, to));
  }
  makeFolder(join(root, 'register'));
  return written;
}

export function initCommand(dir: string): void {
  const written = initWorkspace(dir);
  const next = 'Next: edit appeal.yaml, then try: appeal new --case example --to un-rapporteurs --dry-run';
  process.stdout.write(`${written.map((f) => `created ${f}\n`).join('')}${next}\n`);
}
