import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@/core/auth/auth-user';
import type { JobSource, JobStatus } from './job-source';
import { JobNotFoundError } from './jobs.errors';

/**
 * Answers for every background job people start through the API. The contexts that run jobs
 * register their source when their module starts; this service knows none of them.
 */
@Injectable()
export class JobsService {
  private readonly sources = new Map<string, JobSource>();

  register(source: JobSource): void {
    if (this.sources.has(source.kind))
      throw new Error(`A job source of kind ${source.kind} is already registered`);
    this.sources.set(source.kind, source);
  }

  /** Sources are asked one after another, so one that is down does not hide the others' jobs. */
  async get(jobId: string, actor: AuthUser): Promise<JobStatus> {
    for (const source of this.sources.values()) {
      const status = await source.find(jobId, actor);
      if (status) return status;
    }
    throw new JobNotFoundError();
  }
}
