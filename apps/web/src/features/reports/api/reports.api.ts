import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type paths, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { saveBlob } from '@/features/certificates/lib/save-blob';

/** The dashboard's filters, as the API takes them (all optional). */
export type ReportFilters = NonNullable<paths['/api/reports/overview']['get']['parameters']['query']>;
export type ReportOverview = Schemas['ReportOverviewDto'];
export type LearningGainReport = Schemas['LearningGainReportDto'];
export type LearningGain = Schemas['LearningGainDto'];
export type SatisfactionReport = Schemas['SatisfactionReportDto'];
/** The dashboard's CSV files, each for the dashboard's filters. */
export type ReportFile = 'beneficiaries' | 'learning-gain' | 'satisfaction';

export const reportKeys = {
  overview: (filters: ReportFilters) => ['reports', 'overview', filters] as const,
  learningGain: (filters: ReportFilters) => ['reports', 'learning-gain', filters] as const,
  satisfaction: (filters: ReportFilters) => ['reports', 'satisfaction', filters] as const,
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

/** Pre-test and post-test averages and the learning gain, per network, sector, centre and kind. */
export function useLearningGain(filters: ReportFilters) {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.learningGain(filters),
    queryFn: () => unwrap(api.GET('/api/reports/learning-gain', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** The trainees' feedback averages per network and per expert. */
export function useSatisfaction(filters: ReportFilters) {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.satisfaction(filters),
    queryFn: () => unwrap(api.GET('/api/reports/satisfaction', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** One of the dashboard's CSV files for the same filters, fetched with the session's token and saved. */
export function useExportReport(file: ReportFile) {
  const api = useApi();
  return useMutation({
    mutationFn: async (filters: ReportFilters) => {
      const csv = await unwrap(
        api.GET(`/api/reports/${file}.csv`, { params: { query: filters }, parseAs: 'blob' }),
      );
      saveBlob(csv, `${file}.csv`);
    },
  });
}
