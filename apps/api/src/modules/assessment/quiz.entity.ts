import type { LocalizedText, QuizPurpose } from '@mre/contracts';
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
import { CourseModuleEntity } from '@/modules/catalog/course-module.entity';
import { CourseEntity } from '@/modules/catalog/course.entity';
import type { QuestionDefinition } from './questions';

/** A quiz of a course module, written by the course's experts; cohorts open it for their trainees. */
@Entity('quizzes')
export class QuizEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Index()
  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'varchar', length: 20 })
  purpose: QuizPurpose;

  /** The questions with their right answers: never sent to a trainee before they submit. */
  @Column({ type: 'jsonb' })
  questions: QuestionDefinition[];

  @Column({ name: 'pass_percent', type: 'integer' })
  passPercent: number;

  @Column({ name: 'time_limit_minutes', type: 'integer', nullable: true })
  timeLimitMinutes: number | null;

  @Column({ name: 'attempts_allowed', type: 'integer' })
  attemptsAllowed: number;

  @Column({ name: 'shuffle_questions', type: 'boolean' })
  shuffleQuestions: boolean;

  @Column({ name: 'shuffle_choices', type: 'boolean' })
  shuffleChoices: boolean;

  /** Whether a trainee sees, after submitting, which answers were right. */
  @Column({ name: 'show_feedback', type: 'boolean' })
  showFeedback: boolean;

  /** Goes up with every change of the questions; an attempt records the version it was graded on. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
