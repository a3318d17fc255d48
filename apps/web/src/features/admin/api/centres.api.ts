import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { referenceKeys } from '@/shared/api/reference-data.queries';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';
import { SAVED } from '@/shared/lib/flash';

export function useCentrePage(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...referenceKeys.centres, 'page', page],
    queryFn: () =>
      unwrap(api.GET('/api/centres', { params: { query: { page, pageSize: ADMIN_PAGE_SIZE } } })),
  });
}

/** Creates the centre, or updates it when `id` is given. */
export function useSaveCentre() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: ({ id, body }: { id?: string; body: Schemas['CreateCentreDto'] }) =>
      unwrap(
        id
          ? api.PATCH('/api/centres/{id}', { params: { path: { id } }, body })
          : api.POST('/api/centres', { body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referenceKeys.centres }),
  });
}
