import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';
import type { Job } from '@/features/jobs/api/jobs.api';
import { saveBlob } from '../lib/save-blob';

export type Certificate = Schemas['CertificateDto'];
export type PublicCertificate = Schemas['PublicCertificateDto'];

export const certificateKeys = {
  all: ['certificates'] as const,
  mine: (page: number) => [...certificateKeys.all, 'mine', page] as const,
  ofCohort: (cohortId: string, page: number) => [...certificateKeys.all, 'cohort', cohortId, page] as const,
  public: (code: string) => [...certificateKeys.all, 'public', code] as const,
};

/** What anyone may learn from a code; no sign-in needed. */
export function usePublicCertificate(code: string) {
  const api = useApi();
  return useQuery({
    queryKey: certificateKeys.public(code),
    queryFn: () => unwrap(api.GET('/api/public/certificates/{code}', { params: { path: { code } } })),
  });
}

export function useMyCertificates(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: certificateKeys.mine(page),
    queryFn: () =>
      unwrap(api.GET('/api/me/certificates', { params: { query: { page, pageSize: ADMIN_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCohortCertificates(cohortId: string, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: certificateKeys.ofCohort(cohortId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/cohorts/{id}/certificates', {
          params: { path: { id: cohortId }, query: { page, pageSize: ADMIN_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The PDF as issued, fetched with the session's token (a plain link would carry none) and saved. */
export function useDownloadCertificate() {
  const api = useApi();
  return useMutation({
    mutationFn: async (certificate: Pick<Certificate, 'id' | 'code'>) => {
      const pdf = await unwrap(
        api.GET('/api/certificates/{id}/pdf', { params: { path: { id: certificate.id } }, parseAs: 'blob' }),
      );
      saveBlob(pdf, `certificate-${certificate.code}.pdf`);
    },
  });
}

export function useRevokeCertificate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/certificates/{id}/revoke', { params: { path: { id } }, body: { reason } })),
    // Every list and the public page show the new status.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}

/** Queues the issuing for everyone in the cohort who meets its rule; answers the job to follow. */
export function useIssueCertificates(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/cohorts/{id}/certificates', { params: { path: { id: cohortId } } })),
  });
}

/** The report of a certificate-issuing job (jobs of other kinds report other counts). */
export function issueResultOf(job: Job | undefined): Schemas['CertificateIssueResultDto'] | undefined {
  const result = job?.result;
  return result && 'issued' in result ? result : undefined;
}
