import { useEffect } from 'react';
import { useQuery, useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 500;

/** A background job of any kind (CSV import, certificate issuing); its `result` depends on the kind. */
export type Job = Schemas['JobDto'];

export const isRunning = (job: Job | undefined) => job?.state === 'waiting' || job?.state === 'active';

/** Not known to have ended: no answer yet, or still waiting or active. */
export const isUnfinished = (job: UseQueryResult<Job>) => job.isPending || isRunning(job.data);

/** Follows a job (once there is one) until it ends, then refreshes the queries under `refreshKey` (a constant key). */
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
