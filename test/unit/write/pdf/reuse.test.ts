/** ReuseCache (src/write/pdf/reuse.ts): kept for good once asked for twice; the rest let go soon. */
import { describe, expect, it } from 'vitest';
import { ReuseCache } from '../../../../src/write/pdf/reuse.js';

describe('ReuseCache', () => {
  it('makes a value once while it is held, and keeps what is asked for twice past the recent ones', () => {
    const made: string[] = [];
    const c = new ReuseCache<string>(2, 10);
    const get = (k: string) => c.get(k, () => (made.push(k), k.toUpperCase()));
    expect(get('mandate')).toBe('MANDATE');
    expect(get('mandate')).toBe('MANDATE'); // met twice: kept
    for (const k of ['a', 'b', 'c', 'd']) get(k); // the recent ones let go twice over
    expect(get('mandate')).toBe('MANDATE');
    expect(made).toEqual(['mandate', 'a', 'b', 'c', 'd']);
    get('a'); // met once, then let go with the recent: made again
    expect(made.at(-1)).toBe('a');
    expect(made.length).toBe(6);
  });

  it('lets all the kept values go once there are as many as it may keep', () => {
    const made: string[] = [];
    const c = new ReuseCache<string>(10, 2);
    const get = (k: string) => c.get(k, () => (made.push(k), k));
    for (const k of ['x', 'x', 'y', 'y', 'z', 'z']) get(k); // z kept after x and y: all let go first
    get('x');
    expect(made).toEqual(['x', 'y', 'z']); // x is still among the recent
    const fresh = new ReuseCache<string>(1, 1);
    fresh.get('p', () => 'p');
    fresh.get('q', () => 'q'); // p let go with the recent
    expect(fresh.get('p', () => 'made again')).toBe('made again');
  });
});
