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

/**
 * Puts a module's files in a new order. The course page shows the new order at once and goes back
 * to the old one if the API refuses it (another editor added or removed a file meanwhile).
 */
export function useReorderMaterials(courseId: string, moduleId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = courseKeys.detail(courseId);
  return useMutation({
    mutationFn: (materialIds: string[]) =>
      unwrap(
        api.PUT('/api/courses/{id}/modules/{moduleId}/materials/order', {
          params: { path: { id: courseId, moduleId } },
          body: { materialIds },
        }),
      ),
    onMutate: async (materialIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Schemas['CourseDetailDto']>(key);
      if (before) queryClient.setQueryData(key, withFileOrder(before, moduleId, materialIds));
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The course with the module's files in the given order (links stay first, as the API lists them). */
export function withFileOrder(
  course: Schemas['CourseDetailDto'],
  moduleId: string,
  materialIds: string[],
): Schemas['CourseDetailDto'] {
  return {
    ...course,
    modules: course.modules.map((module) => {
      if (module.id !== moduleId) return module;
      const links = module.materials.filter((material) => !material.id);
      const byId = new Map(module.materials.flatMap((m) => (m.id ? [[m.id, m]] : [])));
      const files = materialIds.flatMap((id) => {
        const material = byId.get(id);
        return material ? [material] : [];
      });
      return { ...module, materials: [...links, ...files] };
    }),
  };
}

/** The ids with the one at `from` moved to `to`. */
export function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
