/** Where the tool's own files are: the built-in data and templates that ship with the package. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module that holds data/ and templates/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'mandates.yaml'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`appeal is not installed whole: no data/mandates.yaml above ${fileURLToPath(import.meta.url)}`);
}

export const packageRoot = findRoot();

export function dataDir(): string {
  return join(packageRoot, 'data');
}

export function builtinTemplatesDir(): string {
  return join(packageRoot, 'templates');
}
