import { useMutation, useMutationState, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, unwrap, type ApiClient, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { courseKeys } from './catalog.queries';

export type CourseProgress = Schemas['CourseProgressDto'];
export interface MaterialDoneChange {
  materialId: string;
  courseId: string;
  done: boolean;
}

/** Under `courses`: kept with the saved queries, so progress shows offline too. */
export const progressKey = [...courseKeys.all, 'progress'] as const;
export const materialDoneKey = ['materials', 'done'] as const;
/** One queue for every mark: sent in the order they were made, also after a reload. */
const DONE_SCOPE = { id: 'materials-done' };

/** The signed-in trainee's progress in each of their courses. */
export function useCourseProgress(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: progressKey,
    enabled,
    queryFn: () => unwrap(api.GET('/api/me/course-progress')).then((answer) => answer.items),
  });
}

/**
 * How a done mark is sent, registered once on the client rather than in a component: a mark made
 * offline waits (paused) in the mutation cache, is saved with the queries (query-persistence.ts)
 * and, after a reload, resumed with these options when the connection returns. The progress
 * changes at once; the server's answer replaces it once the queue is empty.
 */
export function registerMaterialDone(queryClient: QueryClient, api: ApiClient): void {
  queryClient.setMutationDefaults(materialDoneKey, {
    mutationFn: ({ materialId, done }: MaterialDoneChange) =>
      unwrap(
        done
          ? api.PUT('/api/materials/{id}/done', { params: { path: { id: materialId } } })
          : api.DELETE('/api/materials/{id}/done', { params: { path: { id: materialId } } }),
      ),
    // A dropped request is sent again (the API takes a mark twice without harm); a refusal is final.
    retry: (failures: number, error: Error) =>
      failures < 3 && !(error instanceof ApiError && error.status < 500),
    scope: DONE_SCOPE,
    meta: { offline: true },
    onMutate: async (change: MaterialDoneChange) => {
      await queryClient.cancelQueries({ queryKey: progressKey });
      queryClient.setQueryData<CourseProgress[]>(progressKey, (items) => items && withMark(items, change));
    },
    onSettled: () =>
      // The last of the queue (itself still counted) brings the server's count back.
      queryClient.isMutating({ mutationKey: materialDoneKey }) <= 1
        ? queryClient.invalidateQueries({ queryKey: progressKey })
        : undefined,
  });
}

export function useMarkDone() {
  return useMutation<unknown, Error, MaterialDoneChange>({ mutationKey: materialDoneKey, scope: DONE_SCOPE });
}

/** Marks not yet accepted by the server, by material: `waiting` when held for a connection. */
export function usePendingMarks(): Map<string, { waiting: boolean }> {
  const pending = useMutationState({
    filters: { mutationKey: materialDoneKey, status: 'pending' },
    select: (mutation) => ({
      materialId: (mutation.state.variables as MaterialDoneChange | undefined)?.materialId,
      waiting: mutation.state.isPaused,
    }),
  });
  const byMaterial = new Map<string, { waiting: boolean }>();
  for (const { materialId, waiting } of pending)
    if (materialId)
      byMaterial.set(materialId, { waiting: waiting || (byMaterial.get(materialId)?.waiting ?? false) });
  return byMaterial;
}

/** The progress with the mark applied, as the server will count it. */
export function withMark(
  items: CourseProgress[],
  { materialId, courseId, done }: MaterialDoneChange,
): CourseProgress[] {
  return items.map((course) => {
    if (course.courseId !== courseId || course.doneMaterialIds.includes(materialId) === done) return course;
    const doneMaterialIds = done
      ? [...course.doneMaterialIds, materialId]
      : course.doneMaterialIds.filter((id) => id !== materialId);
    return { ...course, doneMaterialIds, doneCount: doneMaterialIds.length };
  });
}
