import { useUrlFilters } from '@/shared/hooks/use-url-filters';
import { SECTOR_CODES } from '@mre/contracts';
import type { ReportFilters } from '../api/reports.api';

export type ReportFilterName = keyof ReportFilters;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters live in the URL: a filtered dashboard can be shared, reloaded and left with "back". */
export function useReportFilters(): [
  ReportFilters,
  (name: ReportFilterName, value: string | null) => void,
  () => void,
] {
  const [params, setFilters] = useUrlFilters();
  const date = (name: 'from' | 'to') => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : undefined;
  };
  // Unset filters are left out: the API refuses empty strings where it expects a UUID or a code.
  const filters: ReportFilters = Object.fromEntries(
    Object.entries({
      from: date('from'),
      to: date('to'),
      networkId: params.get('networkId') ?? undefined,
      sectorCode: SECTOR_CODES.find((code) => code === params.get('sectorCode')),
      centreId: params.get('centreId') ?? undefined,
    }).filter(([, value]) => value !== undefined),
  );

  const setFilter = (name: ReportFilterName, value: string | null) => setFilters({ [name]: value });
  const clear = () => setFilters(Object.fromEntries([...params.keys()].map((name) => [name, null])));

  return [filters, setFilter, clear];
}
