import type { EnrollmentStatus } from '@mre/contracts';
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
import { UserEntity } from '@/modules/identity/user.entity';
import { CohortEntity } from './cohort.entity';

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
