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
 * Requests that miss together share one load. Past `maxEntries` every value is forgotten at once
 * (evicting the oldest one by one makes a Map slow to iterate: deleted slots stay until it rehashes).
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, Promise<T>>();

  constructor(private readonly options: StampedCacheOptions) {}

  get(key: string, stamp: string, load: () => Promise<T>): Promise<T> {
    const held = this.entries.get(key);
    if (held && held.stamp === stamp && Date.now() - held.loadedAt < this.options.maxAgeMs)
      return Promise.resolve(held.value);
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
    if (this.entries.size >= this.options.maxEntries && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, entry);
  }
}
