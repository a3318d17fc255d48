import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob } from '@/features/certificates/lib/save-blob';
import { readKeptFile } from '@/features/offline/lib/kept-files';

/**
 * A module's uploaded file, saved under its own name: the copy kept on this device when there is one
 * (no data spent, and it opens offline), else fetched with the session's token.
 */
export function useDownloadMaterial() {
  const api = useApi();
  return useMutation({
    mutationFn: async (material: { id: string; fileName: string }) => {
      const file =
        (await readKeptFile(material.id)) ??
        (await unwrap(
          api.GET('/api/materials/{id}/file', { params: { path: { id: material.id } }, parseAs: 'blob' }),
        ));
      saveBlob(file as Blob, material.fileName);
    },
    // Not held back offline: a kept file needs no connection.
    networkMode: 'always',
  });
}
