/**
 * boundHeap (src/heap.ts) has the heap collected fully between letters once it has grown by its
 * budget, and leaves V8's flags (the tag of its code caches) as they were.
 */
import v8 from 'node:v8';
import { expect, it } from 'vitest';
import { boundHeap } from '../../src/heap.js';

const used = (): number => v8.getHeapStatistics().used_heap_size;

it('collects the garbage a run left in the heap once it has grown by the budget', () => {
  const tag = v8.cachedDataVersionTag();
  boundHeap(); // the heap as it is now: the floor
  // About 60 MB that lives long enough to be promoted, then is dropped: garbage only a full
  // collection frees.
  let junk: { i: number; s: string }[] | null = Array.from({ length: 1_000_000 }, (_, i) => ({ i, s: `line ${i}` }));
  const grown = used();
  expect(junk.length).toBe(1_000_000);
  junk = null;
  boundHeap();
  expect(used()).toBeLessThan(grown - 32 * 1024 * 1024);
  expect(v8.cachedDataVersionTag()).toBe(tag);
  expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
});

it('does nothing while the heap is within its budget', () => {
  boundHeap();
  const before = used();
  const kept = Array.from({ length: 1_000 }, (_, i) => ({ i }));
  boundHeap();
  expect(kept.length).toBe(1_000);
  expect(used()).toBeGreaterThanOrEqual(before);
});
