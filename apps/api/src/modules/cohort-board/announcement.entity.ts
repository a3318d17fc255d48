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

/**
 * A message from a cohort's staff to its trainees. A deleted one keeps its row (the audit log
 * names it) but no reader sees it again.
 */
@Entity('cohort_announcements')
@Index(['cohortId', 'createdAt'])
export class AnnouncementEntity {
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

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Markdown-like text (bold, italics, lists, links), rendered by the web without any HTML. */
  @Column({ type: 'text' })
  body: string;

  /** Materials of the cohort's course, downloaded through GET /materials/:id/file and its rule. */
  @Column({ name: 'material_ids', type: 'uuid', array: true, default: () => "'{}'" })
  materialIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
