/**
 * How the CLI starts (bin/appeal.js runs this, built as dist/start.cjs): the CLI is bundled as
 * CommonJS files, dist/appeal.cjs and the chunks it loads when a command needs them, and each is
 * compiled through vm.Script with a V8 code cache, so that a run reads back the functions an
 * earlier run compiled instead of parsing and compiling them again (a text letter on Node 20:
 * 1,098M instructions without the cache, 910M with it; `node -e 0` is 502M). Node 20 has no code
 * cache for ES modules and no module.enableCompileCache (22.1+), hence CommonJS; one way for every
 * Node version, so that the way the tests run is the way users run.
 *
 * The cache is written by the first run that finds none (or one V8 rejects: another Node, other
 * V8 flags), when it exits, for the files that run loaded, into dist/cache/<V8 version>/ (a folder
 * for each set of flags given to node itself) of the installation itself: whoever may write there
 * may change appeal's code anyway, whereas a cache in a shared folder such as /tmp could be
 * planted by another user and run as code. The build writes
 * it once (scripts/build.mjs, a text letter and a dry run); it is not in the npm package, as it
 * fits only the Node that wrote it. Nothing about the cache may break a run:
 * - V8 checks a cache against its version and flags, but against the source only by its length,
 *   and reads the code in it without a checksum (a flipped byte crashes the process). So each file
 *   starts with a SHA-256 of the source's own SHA-256 and the data; a file that does not match is
 *   ignored (a rebuilt or patched bundle, a torn or corrupt file) and written again.
 * - A read-only installation, a full disk, or any other failure to write: no cache, same run.
 * - Concurrent runs: each writes a file of its own and renames it over the cache (atomic).
 * APPEAL_CODE_CACHE=off runs without reading or writing a cache.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { Script } from 'node:vm';

const HASH = 32;

/** What the loader did with one file: for the tests, and to know what to write at exit. */
export interface Loaded {
  file: string;
  /** 'hit': compiled from the cache; 'miss': no cache, or one that did not fit. */
  cache: 'hit' | 'miss' | 'off';
  script: Script;
  sourceHash: Buffer;
}

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** The V8 data of a cache file if it was written for this source, else undefined. */
export function readCache(cacheFile: string, sourceHash: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH) return undefined;
  const data = bytes.subarray(HASH);
  return sha256(sourceHash, data).equals(bytes.subarray(0, HASH)) ? data : undefined;
}

/** Writes a cache file whole or not at all; a failure only means no cache next time. */
export function writeCache(cacheFile: string, sourceHash: Buffer, data: Buffer): boolean {
  const tmp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(tmp, Buffer.concat([sha256(sourceHash, data), data]));
    renameSync(tmp, cacheFile);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to do: a stray .tmp file is never read
    }
    return false;
  }
}

/**
 * Loads the CommonJS files of a folder (the bundle and its chunks) with a code cache in
 * `cacheDir` (undefined: none). Requires of other files inside the folder come back here; any
 * other require (node: modules, node_modules) is Node's own.
 */
export class Loader {
  readonly loaded: Loaded[] = [];
  private readonly modules = new Map<string, Module>();
  private readonly nodeRequires = new Map<string, NodeJS.Require>();

  constructor(
    readonly dir: string,
    readonly cacheDir: string | undefined,
  ) {}

  require(file: string): unknown {
    const abs = resolve(file);
    const known = this.modules.get(abs);
    if (known) return known.exports;
    const source = readFileSync(abs);
    const sourceHash = sha256(source);
    const cacheFile = this.cacheDir && join(this.cacheDir, `${basename(abs)}.v8`);
    const cachedData = cacheFile ? readCache(cacheFile, sourceHash) : undefined;
    const script = new Script(Module.wrap(source.toString('utf8')), { filename: abs, cachedData });
    const hit = cachedData !== undefined && !script.cachedDataRejected;
    this.loaded.push({ file: abs, cache: cacheFile ? (hit ? 'hit' : 'miss') : 'off', script, sourceHash });

    const mod = new Module(abs);
    mod.filename = abs;
    this.modules.set(abs, mod);
    const here = dirname(abs);
    // Node resolves a request by the folder it is made from: one require per folder (the chunks share one).
    let nodeRequire = this.nodeRequires.get(here);
    if (!nodeRequire) this.nodeRequires.set(here, (nodeRequire = Module.createRequire(abs)));
    const fromNode = nodeRequire;
    const req = ((id: string) => {
      // A relative path, or an absolute one into the folder (dist/vendor/pdfkit.cjs, see deps.ts).
      if (id.startsWith('.') || isAbsolute(id)) {
        const target = resolve(here, id);
        if (target.startsWith(this.dir + sep)) return this.require(target);
      }
      return fromNode(id);
    }) as NodeJS.Require;
    req.resolve = fromNode.resolve;
    req.cache = fromNode.cache;
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, req, mod, abs, here);
    } catch (e) {
      this.modules.delete(abs); // as Node does: a module that threw is loaded again by the next require
      throw e;
    }
    mod.loaded = true;
    return mod.exports;
  }

  /** Writes the cache of every file this run compiled without one; returns how many were written. */
  writeMissing(): number {
    const missing = this.loaded.filter((l) => l.cache === 'miss');
    if (!missing.length || !this.cacheDir) return 0;
    // A folder it cannot write to (a read-only installation): nothing serialized, ~7 ms saved a run.
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      accessSync(this.cacheDir, constants.W_OK);
    } catch {
      return 0;
    }
    let written = 0;
    for (const l of missing) {
      let data: Buffer;
      try {
        data = l.script.createCachedData();
      } catch {
        continue;
      }
      if (writeCache(join(this.cacheDir, `${basename(l.file)}.v8`), l.sourceHash, data)) written++;
    }
    return written;
  }
}

/** The cache folder of this Node in a dist/ folder: V8 rejects a cache another version wrote. */
export function cacheDirOf(dist: string, execArgv = process.execArgv): string | undefined {
  if (process.env.APPEAL_CODE_CACHE === 'off') return undefined;
  // Node started with flags of its own (node --max-old-space-size=… bin/appeal.js) has a folder of
  // its own: V8 rejects a cache written under other flags, and runs with and without would take
  // turns writing it.
  const flags = execArgv.length
    ? `-${sha256(Buffer.from(execArgv.join('\0')))
        .toString('hex')
        .slice(0, 12)}`
    : '';
  return join(dist, 'cache', `${process.versions.v8}-${process.platform}-${process.arch}${flags}`);
}

/** Runs the CLI of a dist/ folder; the cache is written when the process exits. */
export function start(dist: string): Loader {
  const loader = new Loader(resolve(dist), cacheDirOf(resolve(dist)));
  process.on('exit', () => loader.writeMissing());
  loader.require(join(dist, 'appeal.cjs'));
  return loader;
}
