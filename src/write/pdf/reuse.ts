/**
 * A cache that keeps for good only what is asked for a second time. Something made is first held
 * among the recent (all let go together once there are `recentMax`); asked for again while there,
 * it is kept (all let go together once there are `keptMax`). In a batch, what every letter has
 * (a mandate's title, a common word) is kept after the second letter, while what one letter alone
 * has (the facts of its case) leaves memory soon instead of filling the cache for the rest of the
 * batch. Values are never changed once made, so what is cached cannot make one letter's bytes
 * depend on another's.
 */
export class ReuseCache<V> {
  private recent = new Map<string, V>();
  private kept = new Map<string, V>();

  constructor(
    private readonly recentMax: number,
    private readonly keptMax: number,
  ) {}

  /** The value under `key`, made by `make` when it is not held. */
  get(key: string, make: () => V): V {
    let v = this.kept.get(key);
    if (v !== undefined) return v;
    v = this.recent.get(key);
    if (v !== undefined) {
      if (this.kept.size >= this.keptMax) this.kept.clear();
      this.kept.set(key, v);
      return v;
    }
    v = make();
    if (this.recent.size >= this.recentMax) this.recent.clear();
    this.recent.set(key, v);
    return v;
  }
}
