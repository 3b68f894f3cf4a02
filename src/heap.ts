/**
 * A long run's memory, kept in bounds. V8 collects its old generation fully only when it has grown
 * to a few times what was live at the last full collection, and a batch leaves garbage there with
 * every letter (pdfkit allocates a document's objects straight in the old generation; the caches
 * of shaped words and lines let go of what only a few letters had): a batch of 1,000 PDF letters
 * peaked near 280 MB for about 40 MB live. `boundHeap`, called between letters, has the heap
 * collected fully once it holds HEAP_BUDGET more than after the last collection: once every few
 * hundred letters, at a few tens of milliseconds each.
 *
 * Node gives the collector only to a process started with --expose-gc, so the flag is set for
 * as long as it takes to get the function and unset at once: V8 tags its code caches with its
 * flags, and the CLI's code cache (cli/start.ts) must keep matching.
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';

const HEAP_BUDGET = 32 * 1024 * 1024;

let collector: (() => void) | null | undefined;
let floor = 0;

/** node:v8, loaded on first use (a run of one letter never needs it). */
let v8Module: typeof import('node:v8') | undefined;
const v8 = (): typeof import('node:v8') => (v8Module ??= createRequire(import.meta.url)('node:v8') as typeof import('node:v8'));
const heapUsed = (): number => v8().getHeapStatistics().used_heap_size;

/** V8's full collection, or null where it cannot be had. */
function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return (collector = own as () => void);
  try {
    v8().setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  } finally {
    v8().setFlagsFromString('--no-expose-gc');
  }
  return collector;
}

/** Between two letters of a long run: a full collection when the heap has grown by HEAP_BUDGET. */
export function boundHeap(): void {
  const used = heapUsed();
  if (floor === 0 || used < floor) {
    floor = used;
    return;
  }
  if (used < floor + HEAP_BUDGET) return;
  const collect = fullCollection();
  if (!collect) return;
  collect();
  floor = heapUsed();
}
