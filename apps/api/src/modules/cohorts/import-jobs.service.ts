import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { EnrollmentImportJob, QueueName } from '../../core/queue/queue-name';
import { CohortPolicy } from './cohort-policy';
import { JobDto, JobStartedDto } from './dto/import-job.dto';
import { AppConfig } from '../../core/config/app-config';
import { assertEnrollmentCsv } from './enrollment-csv';
import { ImportJobEntity } from './import-job.entity';

/** Starts CSV enrollment imports (the worker runs them) and reports how they are going. */
@Injectable()
export class ImportJobsService {
  constructor(
    @InjectRepository(ImportJobEntity) private readonly imports: Repository<ImportJobEntity>,
    @InjectQueue(QueueName.EnrollmentImport) private readonly queue: Queue<EnrollmentImportJob>,
    private readonly policy: CohortPolicy,
    private readonly config: AppConfig,
  ) {}

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
  async find(jobId: string, actor: AuthUser): Promise<JobDto | null> {
    const job = await this.imports.findOne({ where: { id: jobId, requestedBy: actor.id } });
    return job ? JobDto.from(job) : null;
  }
}
