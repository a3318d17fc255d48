import { useSearchParams } from 'react-router';
import { COURSE_STATUSES, SECTOR_CODES } from '@mre/contracts';
import type { CourseFilters } from '../api/catalog.queries';

const CATALOG_PAGE_SIZE = 12;

type FilterName = 'q' | 'sector' | 'networkId' | 'status';

/** Filters live in the URL, so a filtered catalogue can be shared, reloaded and left with "back". */
export function useCatalogFilters(): [
  CourseFilters,
  (name: FilterName | 'page', value: string | null) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters: CourseFilters = {
    q: params.get('q') ?? undefined,
    sector: oneOf(SECTOR_CODES, params.get('sector')),
    networkId: params.get('networkId') ?? undefined,
    status: oneOf(COURSE_STATUSES, params.get('status')),
    page: Number(params.get('page')) || 1,
    pageSize: CATALOG_PAGE_SIZE,
  };

  const setFilter = (name: FilterName | 'page', value: string | null) =>
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

/** A hand-edited URL must not send the API a value it would refuse. */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
