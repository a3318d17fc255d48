import { createApiClient, LocalStorageTokenStore } from '@mre/api-client';
import { registerMaterialDone } from '@/features/catalog/api/material-progress';
import { createI18n, type Translations } from '@/i18n/i18n';
import { createQueryClient } from '@/shared/api/query-client';
import type { AppServices } from '@/shared/api/services.context';

export interface AppServicesOptions {
  /** '' in the browser (same origin); tests need an absolute URL. */
  baseUrl?: string;
  storage?: Storage;
  fetch?: (request: Request) => Promise<Response>;
  retry?: boolean;
  /** Every language up front (tests); the browser fetches the chosen one. */
  translations?: Translations;
}

export function createAppServices({
  baseUrl = '',
  storage = localStorage,
  fetch,
  retry,
  translations,
}: AppServicesOptions = {}): AppServices {
  const tokens = new LocalStorageTokenStore(storage);
  const queryClient = createQueryClient({ retry });
  // Cached data belongs to the user who fetched it; the session's guard then sends the user to /login.
  const api = createApiClient({ baseUrl, tokens, fetch, onSignedOut: () => queryClient.clear() });
  // So do the files they kept offline and the quiz answers still waiting for the network: the next
  // person on a shared phone finds none of them. (Their code comes with the pages that keep them,
  // precached by the service worker: not on the first page.)
  tokens.subscribe(() => {
    if (tokens.get()) return;
    void import('@/features/offline/lib/kept-files').then(({ forgetAllFiles }) => forgetAllFiles());
    void import('@/features/quizzes/lib/pending-answers').then(({ forgetPendingAnswers }) =>
      forgetPendingAnswers(storage),
    );
  });
  // Before the saved cache is restored: a mark queued offline resumes with these options.
  registerMaterialDone(queryClient, api);
  return { api, tokens, queryClient, i18n: createI18n(storage, translations) };
}
