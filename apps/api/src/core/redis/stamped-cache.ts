/** How many values a cache keeps, and how long any of them is trusted even while its stamp holds. */
export interface StampedCacheOptions {
  maxEntries: number;
  /** Bounds how long a value outlives a stamp change that was lost (Redis unreachable at the time). */
  maxAgeMs: number;
}

interface Entry<T> {
  stamp: string;
  loadedAt: number;
  value: T;
}

/**
 * In-process copies of values read from PostgreSQL, each good while the stamp it was loaded under
 * (VersionStamps) is still the current one. Callers read the stamp first and load after, so that a
 * change committed in between leaves a newer value under an older stamp, never the reverse.
 * Requests that miss together share one load; the least recently loaded values go first.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T>>();

  constructor(private readonly options: StampedCacheOptions) {}

  get(key: string, stamp: string, load: () => Promise<T>): Promise<T> {
    const held = this.entries.get(key);
    if (held && held.stamp === stamp && Date.now() - held.loadedAt < this.options.maxAgeMs) return Promise.resolve(held.value);
    const loadKey = `${stamp}\u0000${key}`;
    let pending = this.loading.get(loadKey);
    if (!pending) {
      pending = load()
        .then((value) => {
          this.remember(key, { stamp, loadedAt: Date.now(), value });
          return value;
        })
        .finally(() => this.loading.delete(loadKey));
      this.loading.set(loadKey, pending);
    }
    return pending;
  }

  private remember(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    // Maps iterate in insertion order: the first key is the one least recently loaded.
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
  }
}
