/**
 * A per-process map whose entries expire, with a bound on its size (the oldest entry goes first), for
 * what is cheap to remember briefly and costly to recompute on every request. Pure: `now` is passed in.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The entry, while it is fresh; wrapped, so that a cached `undefined` or `null` is still a hit. */
  get(key: string, now: number): { value: V } | undefined {
    const entry = this.entries.get(key);
    return entry && entry.until > now ? { value: entry.value } : undefined;
  }

  /** Forgets everything (another server changed what the entries say: lib/data/cache-versions.ts). */
  clear(): void {
    this.entries.clear();
  }

  set(key: string, value: V, until: number): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until });
  }
}
