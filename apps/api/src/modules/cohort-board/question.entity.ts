import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CohortEntity } from '@/modules/cohorts/cohort.entity';
import { UserEntity } from '@/modules/identity/user.entity';

/** A trainee's question on the cohort's board, between live sessions. */
@Entity('cohort_questions')
@Index(['cohortId', 'createdAt'])
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity | null;

  @Column({ type: 'varchar', length: 5000 })
  body: string;

  /** The answer a teacher marked as the right one; one of this question's answers. */
  @Column({ name: 'accepted_answer_id', type: 'uuid', nullable: true })
  acceptedAnswerId: string | null;

  /** Set while a teacher keeps the question for the next live session. */
  @Column({ name: 'pinned_at', type: 'timestamptz', nullable: true })
  pinnedAt: Date | null;

  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  // The asker's one file, stored with the rules of course materials (type by content, size limit);
  // all null when the question has none.
  @Column({ name: 'attachment_key', type: 'varchar', length: 200, nullable: true })
  attachmentKey: string | null;

  @Column({ name: 'attachment_name', type: 'varchar', length: 255, nullable: true })
  attachmentName: string | null;

  @Column({ name: 'attachment_type', type: 'varchar', length: 120, nullable: true })
  attachmentType: string | null;

  @Column({
    name: 'attachment_size',
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (value: number | null) => value,
      from: (value: string | null) => (value === null ? null : Number(value)),
    },
  })
  attachmentSize: number | null;

  @Column({ name: 'attachment_etag', type: 'varchar', length: 200, nullable: true })
  attachmentEtag: string | null;

  /** When the cohort's staff were told the question had waited too long for an answer (once). */
  @Column({ name: 'waiting_told_at', type: 'timestamptz', nullable: true })
  waitingToldAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
