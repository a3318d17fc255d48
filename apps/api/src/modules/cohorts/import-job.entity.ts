import type { ImportRowProblem, JobState } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';
import { CohortEntity } from './cohort.entity';

export interface ImportRowError {
  row: number;
  /** Absent from imports stored before problems had codes. */
  code?: ImportRowProblem;
  params?: Record<string, string>;
  /** The same in English, for API clients and the logs. */
  message: string;
}

export interface ImportResult {
  created: number;
  enrolled: number;
  waitlisted: number;
  skipped: number;
  errors: ImportRowError[];
}

/**
 * A CSV enrollment import: the uploaded file, and how far the worker got. Its id is also the BullMQ
 * job id. `processedRows` moves in the same transaction as each batch of enrollments, so a worker
 * that dies mid-import is resumed from there by the next one without enrolling anyone twice.
 */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index()
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requested_by' })
  requester?: UserEntity;

  /** The upload, loaded only by the worker; emptied once the import ends (its rows are personal data). */
  @Column({ type: 'bytea', select: false })
  file: Buffer;

  @Column({ type: 'varchar', length: 20 })
  state: JobState;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  /** How many of the file's good rows are done (in file order). */
  @Column({ name: 'processed_rows', type: 'integer', default: 0 })
  processedRows: number;

  /** Counts so far while running; the final report once completed. */
  @Column({ type: 'jsonb', nullable: true })
  result: ImportResult | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
