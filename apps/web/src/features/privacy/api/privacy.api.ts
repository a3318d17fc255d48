import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob } from '@/features/certificates/lib/save-blob';

const exportName = () => `mre-academy-personal-data-${new Date().toISOString().slice(0, 10)}.zip`;

/** The signed-in person's data as a ZIP, fetched with their token (a plain link would carry none) and saved. */
export function useExportMyData() {
  const api = useApi();
  return useMutation({
    mutationFn: async () =>
      saveBlob(await unwrap(api.GET('/api/me/export', { parseAs: 'blob' })), exportName()),
  });
}

/** An admin's export of a person's data on their behalf (audited by the API). */
export function useExportPersonData() {
  const api = useApi();
  return useMutation({
    mutationFn: async (id: string) =>
      saveBlob(
        await unwrap(api.GET('/api/users/{id}/export', { params: { path: { id } }, parseAs: 'blob' })),
        exportName(),
      ),
  });
}

/** Erases a person's identifying data for good; the people lists show the pseudonym afterwards. */
export function useErasePerson() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/users/{id}/erase', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
