import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob, saveFromLink } from '@/features/certificates/lib/save-blob';
import { readKeptFile } from '@/features/offline/lib/kept-files';

/**
 * A module's uploaded file, saved under its own name: the copy kept on this device when there is one
 * (no data spent, and it opens offline), else through a link of a few minutes that the browser's
 * download manager opens itself: it streams a 200 MB file to disk rather than into the phone's
 * memory, and resumes it after a cut (GET /materials/:id/file with the token stays for API clients).
 */
export function useDownloadMaterial() {
  const api = useApi();
  return useMutation({
    mutationFn: async (material: { id: string; fileName: string }) => {
      const kept = await readKeptFile(material.id);
      if (kept) return saveBlob(kept, material.fileName);
      const link = await unwrap(
        api.GET('/api/materials/{id}/link', { params: { path: { id: material.id } } }),
      );
      saveFromLink(link.url, material.fileName);
    },
    // Not held back offline: a kept file needs no connection.
    networkMode: 'always',
  });
}
