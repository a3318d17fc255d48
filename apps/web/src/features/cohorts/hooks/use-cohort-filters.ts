import { useUrlFilters } from '@/shared/hooks/use-url-filters';
import { COHORT_KINDS } from '@mre/contracts';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';
import type { CohortFilters } from '../api/cohorts.api';

export type CohortFilterName = 'q' | 'courseId' | 'centreId' | 'kind';

/** Filters live in the URL, so a filtered list can be shared, reloaded and left with "back". */
export function useCohortFilters(): [
  CohortFilters,
  (name: CohortFilterName | 'page', value: string | null) => void,
] {
  const [params, setFilters] = useUrlFilters();
  const filters: CohortFilters = {
    q: params.get('q') ?? undefined,
    courseId: params.get('courseId') ?? undefined,
    centreId: params.get('centreId') ?? undefined,
    kind: COHORT_KINDS.find((kind) => kind === params.get('kind')),
    page: Number(params.get('page')) || 1,
    pageSize: ADMIN_PAGE_SIZE,
  };

  const setFilter = (name: CohortFilterName | 'page', value: string | null) =>
    setFilters({ [name]: value }, { replace: name === 'q' });

  return [filters, setFilter];
}
