import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepQueriesIn } from './query-persistence';

const SCHEDULE = { items: [{ id: 's1', title: 'Diagnostic moteur' }], total: 1 };

describe('answers kept on the device', () => {
  // The browser's storage (jsdom's), emptied before each test.
  const storage = localStorage;
  beforeEach(() => storage.clear());
  afterEach(() => vi.useRealTimers());

  it('brings back the schedule a person saw, with the time it was fetched', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T09:30:00Z') });
    const before = new QueryClient();
    keepQueriesIn(before, storage);
    await before.fetchQuery({ queryKey: ['sessions', 'schedule', 1], queryFn: () => SCHEDULE });
    await vi.advanceTimersByTimeAsync(1000);

    // The next visit, on a phone without signal.
    const after = new QueryClient();
    keepQueriesIn(after, storage);
    const state = after.getQueryState(['sessions', 'schedule', 1]);
    expect(after.getQueryData(['sessions', 'schedule', 1])).toEqual(SCHEDULE);
    expect(new Date(state?.dataUpdatedAt ?? 0).toISOString()).toBe('2026-12-06T09:30:00.000Z');
    // Shown at once, and asked for again as soon as a page uses it.
    expect(state?.isInvalidated).toBe(true);
  });

  it('does not keep admin lists, audit trails or failed answers', async () => {
    vi.useFakeTimers();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    keepQueriesIn(client, storage);
    await client.fetchQuery({ queryKey: ['audit', {}], queryFn: () => ({ items: [] }) });
    await client.fetchQuery({ queryKey: ['users', {}], queryFn: () => ({ items: [] }) });
    await client
      .fetchQuery({ queryKey: ['cohorts', 'detail', 'c1'], queryFn: () => Promise.reject(new Error('down')) })
      .catch(() => undefined);
    await client.fetchQuery({ queryKey: ['me'], queryFn: () => ({ id: 'u1' }) });
    await vi.advanceTimersByTimeAsync(1000);

    const restored = new QueryClient();
    keepQueriesIn(restored, storage);
    expect(
      restored
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    ).toEqual([['me']]);
  });

  it('forgets everything at once when the person signs out (a shared phone)', async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    keepQueriesIn(client, storage);
    await client.fetchQuery({ queryKey: ['me'], queryFn: () => ({ id: 'u1' }) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.length).toBe(1);

    client.clear();
    expect(storage.length).toBe(0);
  });

  it('drops what is more than a week old', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
    const client = new QueryClient();
    keepQueriesIn(client, storage);
    await client.fetchQuery({ queryKey: ['me'], queryFn: () => ({ id: 'u1' }) });
    await vi.advanceTimersByTimeAsync(1000);

    vi.setSystemTime(new Date('2026-12-08T08:00:02Z'));
    const later = new QueryClient();
    keepQueriesIn(later, storage);
    expect(later.getQueryData(['me'])).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('starts empty rather than failing on a damaged copy', () => {
    storage.setItem('mre.saved-queries', '{not json');
    const client = new QueryClient();
    expect(() => keepQueriesIn(client, storage)).not.toThrow();
    expect(client.getQueryCache().getAll()).toEqual([]);
    expect(storage.length).toBe(0);
  });
});
