import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { EnrollmentImportJob, QueueName } from '@/core/queue/queue-name';
import { CohortPolicy } from './cohort-policy';
import { AppConfig } from '@/core/config/app-config';
import type { JobSource, JobStatus } from '@/modules/jobs/job-source';
import type { JobStartedDto } from '@/modules/jobs/dto/job.dto';
import { JobsService } from '@/modules/jobs/jobs.service';
import { assertEnrollmentCsv } from './enrollment-csv';
import { ImportJobEntity } from './import-job.entity';

/** Starts CSV enrollment imports (the worker runs them) and reports how they are going (GET /jobs/:jobId). */
@Injectable()
export class ImportJobsService implements JobSource, OnModuleInit {
  readonly kind = 'enrollment-import';

  constructor(
    @InjectRepository(ImportJobEntity) private readonly imports: Repository<ImportJobEntity>,
    @InjectQueue(QueueName.EnrollmentImport) private readonly queue: Queue<EnrollmentImportJob>,
    private readonly policy: CohortPolicy,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this);
  }

  async start(cohortId: string, file: Buffer, actor: AuthUser): Promise<JobStartedDto> {
    await this.policy.require(cohortId, actor, 'manage', 'import enrollments');
    assertEnrollmentCsv(file, this.config.get('IMPORT_MAX_ROWS'));
    const id = randomUUID();
    await this.imports.insert({
      id,
      cohortId,
      requestedBy: actor.id,
      file,
      state: 'waiting',
      progress: 0,
      processedRows: 0,
      result: null,
      failureReason: null,
    });
    try {
      await this.queue.add('enroll-csv', { importId: id }, { jobId: id });
    } catch (error) {
      await this.imports.delete(id);
      throw error;
    }
    return { jobId: id };
  }

  /** Only the person who started an import may follow it; to anyone else it does not exist (null). */
  async find(jobId: string, actor: AuthUser): Promise<JobStatus | null> {
    const job = await this.imports.findOne({ where: { id: jobId, requestedBy: actor.id } });
    return job ? statusOf(job) : null;
  }
}

function statusOf(job: ImportJobEntity): JobStatus {
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    ...(job.state === 'completed' && job.result ? { result: job.result } : {}),
    ...(job.state === 'failed' && job.failureReason ? { failureReason: job.failureReason } : {}),
  };
}
