/**
 * The start-up loader (src/cli/start.ts): CommonJS files run through vm.Script with a V8 code
 * cache that is used only when it was written for the very same source, and that never breaks a
 * run, whatever is in the cache folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { cacheDirOf, Loader, readCache, writeCache } from '../../../src/cli/start.js';
import { tempDir } from '../../helpers.js';

const sha = (text: string) => createHash('sha256').update(text).digest();

/** A folder of two CommonJS modules, a.cjs requiring ./b.cjs and a module of Node. */
function modules(b = 'module.exports = () => "B1";'): string {
  const dir = tempDir('appeal-start-');
  writeFileSync(join(dir, 'a.cjs'), 'const b = require("./b.cjs"); const { sep } = require("node:path"); exports.value = b() + sep;');
  writeFileSync(join(dir, 'b.cjs'), b);
  return dir;
}

const cacheStates = (l: Loader) => l.loaded.map((x) => [x.file.split('/').pop(), x.cache]);

describe('cache files', () => {
  it('reads back what it wrote, for the same source only', () => {
    const file = join(tempDir(), 'x', 'a.cjs.v8');
    const data = Buffer.from('some V8 data');
    expect(writeCache(file, sha('source'), data)).toBe(true);
    expect(readCache(file, sha('source'))).toEqual(data);
    expect(readCache(file, sha('another source'))).toBeUndefined();
    expect(readdirSync(join(file, '..'))).toEqual(['a.cjs.v8']); // no temporary file left
  });

  it('ignores a file that is missing, empty, truncated or changed by a single bit', () => {
    const dir = tempDir();
    const file = join(dir, 'a.cjs.v8');
    expect(readCache(file, sha('s'))).toBeUndefined();
    writeFileSync(file, '');
    expect(readCache(file, sha('s'))).toBeUndefined();
    writeCache(file, sha('s'), Buffer.alloc(1000, 7));
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 1));
    expect(readCache(file, sha('s'))).toBeUndefined();
    const flipped = Buffer.from(whole);
    flipped[600]! ^= 1;
    writeFileSync(file, flipped);
    expect(readCache(file, sha('s'))).toBeUndefined();
  });

  it('a cache that cannot be written is no error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cache'), 'a file where the folder would be');
    expect(writeCache(join(dir, 'cache', 'v8', 'a.cjs.v8'), sha('s'), Buffer.alloc(10))).toBe(false);
    expect(readdirSync(dir)).toEqual(['cache']);
  });

  it('has a folder per V8 version and flags of node, and none with APPEAL_CODE_CACHE=off', () => {
    const plain = cacheDirOf('/x/dist', [])!;
    expect(plain).toBe(join('/x/dist', 'cache', `${process.versions.v8}-${process.platform}-${process.arch}`));
    const flagged = cacheDirOf('/x/dist', ['--max-old-space-size=100'])!;
    expect(flagged.startsWith(`${plain}-`)).toBe(true);
    expect(cacheDirOf('/x/dist', ['--max-old-space-size=100'])).toBe(flagged);
    expect(cacheDirOf('/x/dist', ['--max-old-space-size=200'])).not.toBe(flagged);
    process.env.APPEAL_CODE_CACHE = 'off';
    try {
      expect(cacheDirOf('/x/dist')).toBeUndefined();
    } finally {
      delete process.env.APPEAL_CODE_CACHE;
    }
  });
});

describe('the loader', () => {
  it('compiles without a cache, writes it, and the next run compiles from it', () => {
    const dir = modules();
    const cache = join(dir, 'cache');
    const first = new Loader(dir, cache);
    expect(first.require(join(dir, 'a.cjs'))).toEqual({ value: 'B1/' });
    expect(cacheStates(first)).toEqual([
      ['a.cjs', 'miss'],
      ['b.cjs', 'miss'],
    ]);
    expect(first.writeMissing()).toBe(2);
    expect(readdirSync(cache).sort()).toEqual(['a.cjs.v8', 'b.cjs.v8']);

    const second = new Loader(dir, cache);
    expect(second.require(join(dir, 'a.cjs'))).toEqual({ value: 'B1/' });
    expect(cacheStates(second)).toEqual([
      ['a.cjs', 'hit'],
      ['b.cjs', 'hit'],
    ]);
    expect(second.writeMissing()).toBe(0);
  });

  it('a changed file of the same length runs its new code (V8 would take the old cache: it checks only the length)', () => {
    const dir = modules();
    const cache = join(dir, 'cache');
    const first = new Loader(dir, cache);
    first.require(join(dir, 'a.cjs'));
    first.writeMissing();
    writeFileSync(join(dir, 'b.cjs'), 'module.exports = () => "B2";');
    const second = new Loader(dir, cache);
    expect(second.require(join(dir, 'a.cjs'))).toEqual({ value: 'B2/' });
    expect(cacheStates(second)).toEqual([
      ['a.cjs', 'hit'],
      ['b.cjs', 'miss'],
    ]);
  });

  it('a corrupt cache file is compiled without (V8 reads its code unchecked and would crash) and written again', () => {
    const dir = modules();
    const cache = join(dir, 'cache');
    const first = new Loader(dir, cache);
    first.require(join(dir, 'a.cjs'));
    first.writeMissing();
    const file = join(cache, 'a.cjs.v8');
    const bytes = readFileSync(file);
    for (let i = 40; i < bytes.length; i += 7) bytes[i]! ^= 0x5a;
    writeFileSync(file, bytes);
    const second = new Loader(dir, cache);
    expect(second.require(join(dir, 'a.cjs'))).toEqual({ value: 'B1/' });
    expect(cacheStates(second)[0]).toEqual(['a.cjs', 'miss']);
    expect(second.writeMissing()).toBe(1);
    const third = new Loader(dir, cache);
    third.require(join(dir, 'a.cjs'));
    expect(cacheStates(third)[0]).toEqual(['a.cjs', 'hit']);
  });

  it('serializes nothing when the cache folder cannot be written', () => {
    const dir = modules();
    writeFileSync(join(dir, 'cache'), 'a file where the folder would be');
    const loader = new Loader(dir, join(dir, 'cache', 'v8'));
    expect(loader.require(join(dir, 'a.cjs'))).toEqual({ value: 'B1/' });
    const serialize = vi.spyOn(Script.prototype, 'createCachedData');
    try {
      expect(loader.writeMissing()).toBe(0);
      expect(serialize).not.toHaveBeenCalled();
    } finally {
      serialize.mockRestore();
    }
  });

  it('without a cache folder, reads and writes none', () => {
    const dir = modules();
    const loader = new Loader(dir, undefined);
    expect(loader.require(join(dir, 'a.cjs'))).toEqual({ value: 'B1/' });
    expect(cacheStates(loader)).toEqual([
      ['a.cjs', 'off'],
      ['b.cjs', 'off'],
    ]);
    expect(loader.writeMissing()).toBe(0);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });

  it('loads a module once; one that threw is loaded again, as Node does', () => {
    const dir = modules(
      'globalThis.__appealLoads = (globalThis.__appealLoads ?? 0) + 1; if (globalThis.__appealLoads === 1) throw new Error("first");',
    );
    const loader = new Loader(dir, undefined);
    expect(() => loader.require(join(dir, 'b.cjs'))).toThrow('first');
    loader.require(join(dir, 'b.cjs'));
    loader.require(join(dir, 'b.cjs'));
    const g = globalThis as { __appealLoads?: number };
    expect(g.__appealLoads).toBe(2);
    delete g.__appealLoads;
  });

  it('leaves files outside its folder to Node', () => {
    const dir = modules();
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'inner', 'c.cjs'), 'exports.b = require("../b.cjs")(); exports.self = require("./d.cjs");');
    writeFileSync(join(dir, 'inner', 'd.cjs'), 'module.exports = "D";');
    const loader = new Loader(join(dir, 'inner'), undefined);
    expect(loader.require(join(dir, 'inner', 'c.cjs'))).toEqual({ b: 'B1', self: 'D' });
    expect(cacheStates(loader)).toEqual([
      ['c.cjs', 'off'],
      ['d.cjs', 'off'],
    ]);
  });
});
