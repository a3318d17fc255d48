import { useUrlFilters } from '@/shared/hooks/use-url-filters';
import { COURSE_STATUSES, SECTOR_CODES } from '@mre/contracts';
import type { CourseFilters } from '../api/catalog.queries';

const CATALOG_PAGE_SIZE = 12;

type FilterName = 'q' | 'sector' | 'networkId' | 'status';

/** Filters live in the URL, so a filtered catalogue can be shared, reloaded and left with "back". */
export function useCatalogFilters(): [
  CourseFilters,
  (name: FilterName | 'page', value: string | null) => void,
] {
  const [params, setFilters] = useUrlFilters();
  const filters: CourseFilters = {
    q: params.get('q') ?? undefined,
    sector: oneOf(SECTOR_CODES, params.get('sector')),
    networkId: params.get('networkId') ?? undefined,
    status: oneOf(COURSE_STATUSES, params.get('status')),
    page: Number(params.get('page')) || 1,
    pageSize: CATALOG_PAGE_SIZE,
  };

  // Typing a search replaces the history entry instead of adding one per keystroke.
  const setFilter = (name: FilterName | 'page', value: string | null) =>
    setFilters({ [name]: value }, { replace: name === 'q' });

  return [filters, setFilter];
}

/** A hand-edited URL must not send the API a value it would refuse. */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}
