import type { CohortKind } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CourseEntity } from '@/modules/catalog/course.entity';
import { UserEntity } from '@/modules/identity/user.entity';
import { CentreEntity } from '@/modules/organizations/centre.entity';

/** A run of a course at a centre, for trainees or for the trainers who will teach next. */
@Entity('cohorts')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Index()
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CentreEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id' })
  centre?: CentreEntity;

  @Column({ type: 'varchar', length: 20 })
  kind: CohortKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Places for active (and completed) enrollments; the rest wait in line. */
  @Column({ type: 'integer' })
  capacity: number;

  /** Calendar dates (YYYY-MM-DD), not instants: a cohort runs on days at its centre. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'min_attendance_percent', type: 'integer', default: 80 })
  minAttendancePercent: number;

  /** Days its recordings are kept; null: RECORDING_RETENTION_DAYS. Only admins change it. */
  @Column({ name: 'recording_retention_days', type: 'integer', nullable: true })
  recordingRetentionDays: number | null;
  /** Whether the cohort's sessions may be recorded: trainees see it before enrolling and before joining. */
  @Column({ name: 'recording_allowed', type: 'boolean', default: true })
  recordingAllowed: boolean;

  /** The certificate also needs a passed attempt at a `final` quiz opened for the cohort. */
  @Column({ name: 'requires_final_quiz_pass', type: 'boolean', default: false })
  requiresFinalQuizPass: boolean;

  @ManyToMany(() => UserEntity)
  @JoinTable({
    name: 'cohort_teachers',
    joinColumn: { name: 'cohort_id' },
    inverseJoinColumn: { name: 'user_id' },
  })
  teachers?: UserEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
