/**
 * Golden files: a whole expected output, kept in test/golden/. When a change to the letters is
 * meant, regenerate them and review the diff:  npm run golden  (UPDATE_GOLDEN=1 vitest run test/golden).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { REPO } from './helpers.js';

export function expectGolden(name: string, actual: string): void {
  const file = join(REPO, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`test/golden/${name} is missing: run npm run golden and commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `differs from test/golden/${name} (if the change is meant: npm run golden)`).toBe(readFileSync(file, 'utf8'));
}
