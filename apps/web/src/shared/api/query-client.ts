import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@mre/api-client';

/** Client errors (4xx) will not change on a retry; server and network failures may. */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          retry && failures < 2 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}
