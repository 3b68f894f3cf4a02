/**
 * The pipeline runs one way: nothing in src/ imports a later step. The order, first to last, is
 * the README's layout: base files, domain, load, register, plan, render, write, issue, commands, cli.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const SRC = join(REPO, 'src');
const LAYERS = [
  'errors.ts|suggest.ts|paths.ts|folders.ts|heap.ts',
  'domain',
  'load',
  'register',
  'plan',
  'render',
  'write',
  'issue.ts',
  'commands',
  'cli',
];

function layerOf(file: string): number {
  const top = relative(SRC, file).split('/')[0]!;
  const i = LAYERS.findIndex((l) => l.split('|').includes(top));
  if (i < 0) throw new Error(`${relative(REPO, file)} is in no layer: add its folder to LAYERS and to the README's layout`);
  return i;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? sources(abs) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [abs] : [];
  });
}

/** Relative imports of a file (static, dynamic and re-exports), as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

describe('layers of src/', () => {
  it('every import points at the same step or an earlier one', () => {
    const backward: string[] = [];
    for (const file of sources(SRC)) {
      for (const target of importsOf(file)) {
        if (layerOf(target) > layerOf(file)) backward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('the check itself sees a backward import', () => {
    expect(layerOf(join(SRC, 'load/workspace.ts'))).toBeLessThan(layerOf(join(SRC, 'plan/communication.ts')));
    expect(importsOf(join(SRC, 'cli/main.ts'))).toContain(join(SRC, 'commands/new.ts'));
  });
});
