import {
  dehydrate,
  hydrate,
  onlineManager,
  type Mutation,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';

const STORAGE_KEY = 'mre.saved-queries';
/** Kept a week: the schedule of last week is still better than nothing on a bus without signal. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const SAVE_DELAY_MS = 1000;

/**
 * What a person reads on the go and may need without a connection: their profile, schedule,
 * courses, cohorts, certificates, notices and the names they refer to. Not admin lists, audit
 * trails, reports or jobs.
 */
const KEPT_ROOTS = new Set([
  'me',
  'sessions',
  'courses',
  'cohorts',
  'certificates',
  'notifications',
  'sectors',
  'networks',
  'centres',
]);

function kept(query: Query): boolean {
  return query.state.status === 'success' && KEPT_ROOTS.has(String(query.queryKey[0]));
}

/**
 * Actions that can wait for a connection (meta `offline`: a material marked done): kept until the
 * server has them, in flight ones too (their endpoints take the same request twice without harm).
 */
function queued(mutation: Mutation<unknown, Error, unknown, unknown>): boolean {
  return mutation.state.status === 'pending' && mutation.meta?.offline === true;
}

interface Saved {
  savedAt: number;
  state: ReturnType<typeof dehydrate>;
}

/**
 * Keeps the answers a person has seen in `storage`, so that the pages they visited open without a
 * connection (each query keeps its own `dataUpdatedAt`: the page says how old it is). Restored at
 * start; saved a second after the cache changes; emptied with the cache when the person signs out
 * (`queryClient.clear()`), so the next person on a shared phone sees nothing of theirs. Actions made
 * offline are kept the same way and sent once the connection is back, also after a reload: their
 * options (what to send) are registered on the client before this runs (setMutationDefaults).
 */
export function keepQueriesIn(queryClient: QueryClient, storage: Storage): () => void {
  restore(queryClient, storage);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const state = dehydrate(queryClient, { shouldDehydrateQuery: kept, shouldDehydrateMutation: queued });
    try {
      if (state.queries.length === 0 && state.mutations.length === 0) storage.removeItem(STORAGE_KEY);
      else storage.setItem(STORAGE_KEY, JSON.stringify({ savedAt: Date.now(), state } satisfies Saved));
    } catch {
      // Storage full or refused (private mode): the app works, only not offline.
    }
  };
  const changed = (event: { type: string }) => {
    if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
    // Signing out clears the cache: forget at once rather than a second later.
    if (
      queryClient.getQueryCache().getAll().length === 0 &&
      queryClient.getMutationCache().getAll().length === 0
    ) {
      clearTimeout(timer);
      save();
    } else timer ??= setTimeout(save, SAVE_DELAY_MS);
  };
  const unsubscribeQueries = queryClient.getQueryCache().subscribe(changed);
  const unsubscribeMutations = queryClient.getMutationCache().subscribe(changed);
  return () => {
    clearTimeout(timer);
    unsubscribeQueries();
    unsubscribeMutations();
  };
}

function restore(queryClient: QueryClient, storage: Storage): void {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return;
    const saved = JSON.parse(raw) as Saved;
    if (Date.now() - saved.savedAt > MAX_AGE_MS) storage.removeItem(STORAGE_KEY);
    else {
      // One that was on its way when the page closed is sent again, as a paused one is: only paused
      // ones are resumed.
      const mutations = (saved.state.mutations ?? []).map((m) => ({
        ...m,
        state: { ...m.state, isPaused: true },
      }));
      hydrate(queryClient, { ...saved.state, mutations });
      // Shown at once, but asked again when a page uses them (also `me`, otherwise never stale):
      // a role or name changed since must show after a reload.
      void queryClient.invalidateQueries({ refetchType: 'none' });
      // Offline, they wait for the connection (the client resumes them when it returns).
      if (onlineManager.isOnline()) void queryClient.resumePausedMutations();
    }
  } catch {
    storage.removeItem(STORAGE_KEY);
  }
}
