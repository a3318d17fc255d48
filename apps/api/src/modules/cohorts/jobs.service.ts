import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { JobState } from '@mre/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { CertificateIssueJob, CertificateIssueResult, QueueName } from '../../core/queue/queue-name';
import { ImportJobNotFoundError } from './cohorts.errors';
import { JobDto } from './dto/import-job.dto';
import { ImportJobsService } from './import-jobs.service';

/**
 * The background jobs people start through the API, behind one GET /jobs/:jobId: CSV imports (kept
 * in PostgreSQL, resumable) and certificate issuing, whose state BullMQ keeps (the issuing itself
 * is idempotent, so it needs no row of its own).
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly imports: ImportJobsService,
    @InjectQueue(QueueName.CertificateIssue)
    private readonly certificateIssue: Queue<CertificateIssueJob, CertificateIssueResult>,
  ) {}

  /** Only the person who started a job may follow it; to anyone else it does not exist. */
  async get(jobId: string, actor: AuthUser): Promise<JobDto> {
    const imported = await this.imports.find(jobId, actor);
    if (imported) return imported;
    const asked: Job<CertificateIssueJob, CertificateIssueResult> | undefined =
      await this.certificateIssue.getJob(jobId);
    if (!asked || asked.data.requestedBy !== actor.id) throw new ImportJobNotFoundError();
    const state = stateOf(await asked.getState());
    // Read again once it has ended: the first read may predate its result.
    const job =
      state === 'completed' || state === 'failed'
        ? ((await this.certificateIssue.getJob(jobId)) ?? asked)
        : asked;
    return {
      id: jobId,
      state,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      ...(state === 'completed' && job.returnvalue ? { result: job.returnvalue } : {}),
      ...(state === 'failed' && job.failedReason ? { failureReason: job.failedReason } : {}),
    };
  }
}

/** BullMQ's states in the contract's words: a job waiting for a retry (delayed) is waiting. */
function stateOf(state: string): JobState {
  return state === 'active' || state === 'completed' || state === 'failed' ? state : 'waiting';
}
