import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap, type Schemas } from '@mre/api-client';
import { useApi, useServices } from '@/shared/api/services.context';
import { courseKeys } from '@/features/catalog/api/catalog.queries';

export interface MaterialUpload {
  file: File;
  /** The title in the languages given; the file name when none is. */
  title: Schemas['LocalizedTextDto'];
}

/**
 * Uploads a file to a module with XMLHttpRequest, whose upload events give the progress (fetch has
 * none for request bodies): `progress` goes from 0 to 1 while the bytes leave the browser.
 */
export function useUploadMaterial(courseId: string, moduleId: string) {
  const { tokens } = useServices();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ file, title }: MaterialUpload) =>
      new Promise<Schemas['MaterialFileDto']>((resolve, reject) => {
        const form = new FormData();
        // Fields before the file: the API reads them before the bytes.
        if (Object.keys(title).length > 0) form.append('title', JSON.stringify(title));
        form.append('file', file, file.name);
        const request = new XMLHttpRequest();
        request.open('POST', `/api/courses/${courseId}/modules/${moduleId}/materials`);
        const accessToken = tokens.get()?.accessToken;
        if (accessToken) request.setRequestHeader('Authorization', `Bearer ${accessToken}`);
        setProgress(0);
        request.upload.onprogress = (event) => {
          if (event.lengthComputable) setProgress(event.loaded / event.total);
        };
        request.onload = () => {
          if (request.status === 201) resolve(JSON.parse(request.responseText));
          else reject(ApiError.fromBody(request.status, parseJson(request.responseText)));
        };
        request.onerror = () => reject(new ApiError(0, ['network error']));
        request.send(form);
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) }),
  });
  return { ...mutation, progress };
}

export function useDeleteMaterial(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) =>
      unwrap(api.DELETE('/api/materials/{id}', { params: { path: { id: materialId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) }),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
