import {
  ATTENDING_STATUSES,
  BENEFICIARY_STATUSES,
  COHORT_VIEWER_STATUSES,
  type EnrollmentStatus,
} from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { CohortEntity } from './cohort.entity';

/** A named status set of @mre/contracts as an SQL list, `('active', 'completed')`, for `status IN …`. */
function statusList(statuses: readonly EnrollmentStatus[]): string {
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}

/** See ATTENDING_STATUSES: in the classes now. */
export const ATTENDING_SQL = statusList(ATTENDING_STATUSES);
/** See BENEFICIARY_STATUSES: places taken, schedules, reports, attendance averages. */
export const BENEFICIARY_SQL = statusList(BENEFICIARY_STATUSES);
/** See COHORT_VIEWER_STATUSES: who sees the cohort. */
export const COHORT_VIEWER_SQL = statusList(COHORT_VIEWER_STATUSES);

/** One person in one cohort; a withdrawn person keeps the row, so re-enrolling reuses it. */
@Entity('enrollments')
@Unique('UQ_enrollments_cohort_user', ['cohortId', 'userId'])
@Index(['cohortId', 'status', 'position'])
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  status: EnrollmentStatus;

  /** 1..N among the waitlisted of the cohort, without gaps; null for everyone else. */
  @Column({ type: 'integer', nullable: true })
  position: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
