/** `appeal init`: a new workspace from the files in data/init/, never over existing ones. */
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { generatedInitFiles } from './init-files.js';
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
  for (const file of generatedInitFiles()) {
    const abs = join(root, file.path);
    if (existsSync(abs)) continue;
    makeFolder(dirname(abs));
    writeFileSync(abs, file.text);
    written.push(join(dir, file.path));
  }
  makeFolder(join(root, 'register'));
  return written;
}

export function initCommand(dir: string): void {
  const written = initWorkspace(dir);
  const next =
    'Next: edit appeal.yaml, run npm install (it pins this version of appeal in package.json and package-lock.json; commit both), ' +
    'then try: npx appeal new --case example --to un-rapporteurs --dry-run';
  process.stdout.write(`${written.map((f) => `created ${f}\n`).join('')}${next}\n`);
}
