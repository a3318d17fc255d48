import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import type { CourseStatus, SectorCode } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';

export interface CourseFilters {
  q?: string;
  sector?: SectorCode;
  networkId?: string;
  status?: CourseStatus;
  page: number;
  pageSize: number;
}

export const courseKeys = {
  all: ['courses'] as const,
  list: (filters: CourseFilters) => [...courseKeys.all, 'list', filters] as const,
  detail: (id: string) => [...courseKeys.all, 'detail', id] as const,
};

export function useCourses(filters: CourseFilters) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.list(filters),
    queryFn: () => unwrap(api.GET('/api/courses', { params: { query: withoutBlanks(filters) } })),
    placeholderData: keepPreviousData, // keeps the cards while the next page or filter loads
  });
}

export function useCourse(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: courseKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/courses/{id}', { params: { path: { id } } })),
  });
}

/** The API rejects empty strings where it expects a code or a UUID, so unset filters are left out. */
function withoutBlanks<T extends object>(filters: T): T {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}
