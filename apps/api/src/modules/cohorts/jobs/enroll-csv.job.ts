import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Job, WaitingError } from 'bullmq';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { EnrollmentImportJob, QueueName } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import type { UserDto } from '@/modules/identity/dto/user.dto';
import { UsersService } from '@/modules/identity/users.service';
import { CohortEntity } from '../cohort.entity';
import { mayEnroll } from '../enrollment-eligibility';
import { CsvPerson, readEnrollmentCsv } from '../enrollment-csv';
import { ImportJobEntity, ImportResult } from '../import-job.entity';
import { rowError } from '../import-row-error';
import { RosterService } from '../roster.service';

/**
 * Rows per transaction: a stopping worker waits for at most one batch, and the progress bar moves
 * in small steps, while 5,000 rows still take only 25 round trips of each statement.
 */
export const IMPORT_BATCH_SIZE = 200;

/**
 * Enrolls the good rows of an uploaded CSV in batches. Each batch, the users it creates, its
 * enrollments and the import's `processedRows` commit together, so a retry after a crash resumes
 * where the last commit left off; the enrollment insert also ignores pairs already there.
 */
/** What is left of an upload once its import ended: the result keeps the counts and the row problems. */
const EMPTY = Buffer.alloc(0);

@Processor(QueueName.EnrollmentImport, workerOptions(2))
export class EnrollCsvJob extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EnrollCsvJob.name);

  constructor(
    @InjectRepository(ImportJobEntity) private readonly imports: Repository<ImportJobEntity>,
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly roster: RosterService,
  ) {
    super();
  }

  async process(job: Job<EnrollmentImportJob>, token?: string): Promise<void> {
    const entry = await this.imports
      .createQueryBuilder('j')
      .addSelect('j.file')
      .where('j.id = :id', { id: job.data.importId })
      .getOne();
    // Gone with its cohort, or finished by an attempt whose acknowledgement was lost.
    if (!entry || entry.state === 'completed') return;
    const cohort = await this.cohorts.findOneByOrFail({ id: entry.cohortId });
    const requester = await this.users.get(entry.requestedBy);
    await this.imports.update(entry.id, { state: 'active' });

    const { people, errors } = readEnrollmentCsv(entry.file);
    let tally = entry.result ?? { created: 0, enrolled: 0, waitlisted: 0, skipped: 0, errors: [] };
    for (let done = entry.processedRows; done < people.length; done += IMPORT_BATCH_SIZE) {
      if (this.worker.closing) return this.handBack(job, token);
      const processedRows = Math.min(done + IMPORT_BATCH_SIZE, people.length);
      const progress = Math.floor((processedRows * 100) / people.length);
      tally = await this.dataSource.transaction(async (manager) => {
        const next = add(
          tally,
          await this.enrollBatch(people.slice(done, processedRows), cohort, entry, requester, manager),
        );
        await manager.update(ImportJobEntity, entry.id, { processedRows, progress, result: next });
        return next;
      });
      await job.updateProgress(progress);
    }
    const result = { ...tally, errors: [...errors, ...tally.errors].sort((a, b) => a.row - b.row) };
    await this.imports.update(entry.id, { state: 'completed', progress: 100, result, file: EMPTY });
    await job.updateProgress(100);
  }

  /** Only a job's last failed attempt makes the import `failed`; before that it waits for its retry. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<EnrollmentImportJob>, error: Error): Promise<void> {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.error(`Import ${job.data.importId} failed (attempt ${job.attemptsMade}): ${error.message}`);
    await this.imports.update(
      job.data.importId,
      final ? { state: 'failed', failureReason: error.message, file: EMPTY } : { state: 'waiting' },
    );
  }

  /**
   * Nest closes the database before BullMQ's workers; closing this worker first lets a running
   * import reach its next batch boundary and hand itself back while the database is still there.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  private async enrollBatch(
    batch: CsvPerson[],
    cohort: CohortEntity,
    entry: ImportJobEntity,
    requester: UserDto,
    manager: EntityManager,
  ): Promise<ImportResult> {
    const { users, invitedIds } = await this.users.findOrInviteTrainees(batch, cohort.centreId, manager);
    const eligible = users.map((u) => mayEnroll(u, cohort.centreId, requester));
    // The row says only that this e-mail cannot be enrolled: never the person's role or centre.
    const errors = users.flatMap((u, i) =>
      eligible[i] ? [] : [rowError(batch[i].row, 'not-enrollable', { email: u.email })],
    );
    const trainees = users.filter((_, i) => eligible[i]).map((u) => u.id);
    const placements = await this.roster.add(
      cohort.id,
      trainees,
      { actorId: entry.requestedBy, data: { via: 'import', importId: entry.id } },
      manager,
    );
    const count = (status: string) => placements.filter((p) => p.status === status).length;
    return {
      created: invitedIds.size,
      enrolled: count('active'),
      waitlisted: count('waitlisted'),
      skipped: count('skipped'),
      errors,
    };
  }

  /** Stops at a batch boundary during shutdown and puts the job back in the queue for another worker. */
  private async handBack(job: Job<EnrollmentImportJob>, token?: string): Promise<never> {
    await this.imports.update(job.data.importId, { state: 'waiting' });
    await job.moveToWait(token);
    throw new WaitingError();
  }
}

function add(a: ImportResult, b: ImportResult): ImportResult {
  return {
    created: a.created + b.created,
    enrolled: a.enrolled + b.enrolled,
    waitlisted: a.waitlisted + b.waitlisted,
    skipped: a.skipped + b.skipped,
    errors: [...a.errors, ...b.errors],
  };
}
