import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { forgetFile, keepFile, keptFileIds } from '@/features/offline/lib/kept-files';
import { useApi } from '@/shared/api/services.context';

/** Not under a saved root: what is in Cache Storage is read from there, never from an old copy. */
const keptKey = ['kept-files'] as const;

/** The ids of the course files kept on this device. */
export function useKeptMaterials() {
  return useQuery({
    queryKey: keptKey,
    queryFn: async () => new Set(await keptFileIds()),
    networkMode: 'always',
    staleTime: Infinity,
  });
}

/** Downloads the file and keeps it for reading offline (StorageFullError when there is no room). */
export function useKeepMaterial() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (materialId: string) => {
      const file = await unwrap(
        api.GET('/api/materials/{id}/file', { params: { path: { id: materialId } }, parseAs: 'blob' }),
      );
      await keepFile(materialId, file as Blob);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keptKey }),
  });
}

export function useForgetMaterial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forgetFile,
    networkMode: 'always',
    onSettled: () => queryClient.invalidateQueries({ queryKey: keptKey }),
  });
}
