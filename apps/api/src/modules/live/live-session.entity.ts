import type { SessionMode, SessionStatus } from '@mre/contracts';
import { Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CohortEntity } from '../cohorts/cohort.entity';

/**
 * A live class of a cohort. Times are UTC instants. Two scheduled sessions of one cohort never
 * overlap: PostgreSQL enforces it, so concurrent requests cannot slip past each other.
 */
@Entity('live_sessions')
@Exclusion('no_overlapping_sessions', `USING gist ("cohort_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'scheduled')`)
export class LiveSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index()
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 20 })
  mode: SessionMode;

  @Column({ type: 'varchar', length: 20 })
  status: SessionStatus;

  @Column({ name: 'room_name', type: 'varchar', length: 80, unique: true })
  roomName: string;

  /** Sessions created together by `repeatWeeks` share it. */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  /** Set once LiveKit has created the room, so later joins skip the call. */
  @Column({ name: 'room_created_at', type: 'timestamptz', nullable: true })
  roomCreatedAt: Date | null;

  /** From `room_finished`: open attendance segments end here. */
  @Column({ name: 'room_finished_at', type: 'timestamptz', nullable: true })
  roomFinishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
