import type { JobState } from '@mre/contracts';
import type { AuthUser } from '@/core/auth/auth-user';

/** How a background job is going, in the same words whatever its kind. */
export interface JobStatus {
  id: string;
  state: JobState;
  /** 0 to 100. */
  progress: number;
  /** Once completed: the report of the job's kind. */
  result?: object;
  /** Once failed: why. */
  failureReason?: string;
}

/**
 * A context whose jobs people follow through GET /jobs/:jobId. Each registers itself with
 * JobsService, so this module never depends on the contexts that run jobs.
 */
export interface JobSource {
  /** What kind of job it keeps (`enrollment-import`, `certificate-issue`); one source a kind. */
  readonly kind: string;
  /** The job, if this source has it and `actor` may follow it; otherwise null (it does not exist for them). */
  find(jobId: string, actor: AuthUser): Promise<JobStatus | null>;
}
