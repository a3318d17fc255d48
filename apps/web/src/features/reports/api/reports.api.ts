import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type paths, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob } from '@/features/certificates/lib/save-blob';

/** The dashboard's filters, as the API takes them (all optional). */
export type ReportFilters = NonNullable<paths['/api/reports/overview']['get']['parameters']['query']>;
export type ReportOverview = Schemas['ReportOverviewDto'];

export const reportKeys = {
  overview: (filters: ReportFilters) => ['reports', 'overview', filters] as const,
};

export function useReportOverview(filters: ReportFilters) {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.overview(filters),
    queryFn: () => unwrap(api.GET('/api/reports/overview', { params: { query: filters } })),
    // A new filter keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The beneficiaries CSV for the same filters, fetched with the session's token and saved. */
export function useExportBeneficiaries() {
  const api = useApi();
  return useMutation({
    mutationFn: async (filters: ReportFilters) => {
      const csv = await unwrap(
        api.GET('/api/reports/beneficiaries.csv', { params: { query: filters }, parseAs: 'blob' }),
      );
      saveBlob(csv, 'beneficiaries.csv');
    },
  });
}
