import { useSearchParams } from 'react-router';
import { COHORT_KINDS } from '@mre/contracts';
import { ADMIN_PAGE_SIZE } from '../../admin/api/paging';
import type { CohortFilters } from '../api/cohorts.api';

export type CohortFilterName = 'q' | 'courseId' | 'centreId' | 'kind';

/** Filters live in the URL, so a filtered list can be shared, reloaded and left with "back". */
export function useCohortFilters(): [
  CohortFilters,
  (name: CohortFilterName | 'page', value: string | null) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters: CohortFilters = {
    q: params.get('q') ?? undefined,
    courseId: params.get('courseId') ?? undefined,
    centreId: params.get('centreId') ?? undefined,
    kind: COHORT_KINDS.find((kind) => kind === params.get('kind')),
    page: Number(params.get('page')) || 1,
    pageSize: ADMIN_PAGE_SIZE,
  };

  const setFilter = (name: CohortFilterName | 'page', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        // A new filter gives a new list: start again from its first page.
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name === 'q' },
    );

  return [filters, setFilter];
}
