import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { courseKeys } from '@/features/catalog/api/catalog.queries';
import { SAVED } from '@/shared/lib/flash';

export type SaveCourseInput =
  { id: string; body: Schemas['UpdateCourseDto'] } | { id?: undefined; body: Schemas['CreateCourseDto'] };

/** Creates the course, or updates it when `id` is given. */
export function useSaveCourse() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: (input: SaveCourseInput) =>
      unwrap(
        input.id !== undefined
          ? api.PATCH('/api/courses/{id}', { params: { path: { id: input.id } }, body: input.body })
          : api.POST('/api/courses', { body: input.body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.all }),
  });
}

/** Creates the module, or updates it when `moduleId` is given. */
export function useSaveModule(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: ({ moduleId, body }: { moduleId?: string; body: Schemas['CreateModuleDto'] }) =>
      unwrap(
        moduleId
          ? api.PATCH('/api/courses/{id}/modules/{moduleId}', {
              params: { path: { id: courseId, moduleId } },
              body,
            })
          : api.POST('/api/courses/{id}/modules', { params: { path: { id: courseId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) }),
  });
}

export function useDeleteModule(courseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: (moduleId: string) =>
      unwrap(
        api.DELETE('/api/courses/{id}/modules/{moduleId}', { params: { path: { id: courseId, moduleId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.detail(courseId) }),
  });
}
