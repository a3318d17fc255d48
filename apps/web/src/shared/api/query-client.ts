import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@mre/api-client';
import { flash } from '@/shared/lib/flash';

/** Client errors (4xx) will not change on a retry; server and network failures may. */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    // A message after the saves that ask for one (admin forms and the like): see shared/lib/flash.
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        const key = mutation.options.meta?.savedMessage;
        if (typeof key === 'string') flash(key);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          retry && failures < 2 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}
