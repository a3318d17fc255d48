import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '../../../shared/api/services.context';
import { cohortKeys } from './cohorts.api';

/** How often a running import is asked for its progress. */
export const JOB_POLL_MS = 500;

export type ImportJob = Schemas['JobDto'];

export const isRunning = (job: ImportJob | undefined) => job?.state === 'waiting' || job?.state === 'active';

/** The report of an enrollment import (jobs of other kinds report other counts). */
export function importResultOf(job: ImportJob | undefined): Schemas['ImportResultDto'] | undefined {
  const result = job?.result;
  return result && 'errors' in result ? result : undefined;
}

/** Sends the file as multipart; the API answers 202 with the job that does the work. */
export function useStartImport(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/cohorts/{id}/enrollments/import', {
          params: { path: { id: cohortId } },
          // The generated type has the binary field as a string: the body names the file, and the
          // serializer attaches its bytes (the browser then sets the multipart boundary itself).
          body: { file: file.name },
          bodySerializer: ({ file: name }) => {
            const form = new FormData();
            form.append('file', file, name);
            return form;
          },
        }),
      ),
  });
}

/** Follows the job (once there is one) until it ends, then refreshes the roster and the counts (also in lists). */
export function useImportJob(jobId: string | null) {
  return useJob(jobId, cohortKeys.all);
}

/** Follows a job of any kind until it ends, then refreshes the queries under `refreshKey` (a constant key). */
export function useJob(jobId: string | null, refreshKey: QueryKey) {
  const api = useApi();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => unwrap(api.GET('/api/jobs/{jobId}', { params: { path: { jobId: jobId ?? '' } } })),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : JOB_POLL_MS),
  });
  const completed = job.data?.state === 'completed';
  useEffect(() => {
    if (completed) void queryClient.invalidateQueries({ queryKey: refreshKey });
  }, [completed, queryClient, refreshKey]);
  return job;
}
