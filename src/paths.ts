/** Where the tool's own files are: the built-in data and templates that ship with the package. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), from dist/ or src/. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function dataDir(): string {
  return join(packageRoot, 'data');
}

export function builtinTemplatesDir(): string {
  return join(packageRoot, 'templates');
}
