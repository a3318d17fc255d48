import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob } from '@/features/certificates/lib/save-blob';

/** A module's uploaded file, fetched with the session's token and saved under its own name. */
export function useDownloadMaterial() {
  const api = useApi();
  return useMutation({
    mutationFn: async (material: { id: string; fileName: string }) => {
      const file = await unwrap(
        api.GET('/api/materials/{id}/file', { params: { path: { id: material.id } }, parseAs: 'blob' }),
      );
      saveBlob(file as Blob, material.fileName);
    },
  });
}
