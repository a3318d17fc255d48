import type { QuestionAnswer } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CohortEntity } from '@/modules/cohorts/cohort.entity';
import { UserEntity } from '@/modules/identity/user.entity';
import type { AttemptOrder, QuestionResult } from './questions';
import { QuizEntity } from './quiz.entity';

/**
 * One go of a trainee at a quiz in a cohort: answers saved as they are given, graded by the server
 * once submitted (or when its time is up). At most one is in progress per trainee, quiz and cohort.
 */
@Entity('quiz_attempts')
@Index(['quizId', 'cohortId', 'userId', 'number'], { unique: true })
@Index('IDX_quiz_attempts_one_in_progress', ['quizId', 'cohortId', 'userId'], {
  unique: true,
  where: 'submitted_at IS NULL',
})
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId: string;

  // An attempt is evidence (certificates may rest on it): a quiz with attempts is not deleted.
  @ManyToOne(() => QuizEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

  @Index()
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

  /** 1 for the first attempt of this trainee at this quiz in this cohort. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** When the time allowed ends (time limit or the cohort's closing, whichever first); null: no limit. */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** True when the server submitted it because its time was up. */
  @Column({ name: 'auto_submitted', type: 'boolean', default: false })
  autoSubmitted: boolean;

  @Column({ name: 'question_order', type: 'jsonb' })
  order: AttemptOrder;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, QuestionAnswer>;

  @Column({ type: 'integer', nullable: true })
  score: number | null;

  @Column({ name: 'max_score', type: 'integer', nullable: true })
  maxScore: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  results: QuestionResult[] | null;

  /** The quiz version the score was computed on. */
  @Column({ name: 'graded_version', type: 'integer', nullable: true })
  gradedVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
