import type { LocalizedText, SessionMode, SessionStatus } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CohortEntity } from '@/modules/cohorts/cohort.entity';

/**
 * A live class of a cohort. What people agreed on is a wall-clock start in a zone (`localStart`,
 * `timeZone`); `startsAt`/`endsAt` are the UTC instants the runtime's tz rules give it, derived again
 * when those rules change (SessionAnchoringService). Two scheduled sessions of one cohort never
 * overlap: PostgreSQL enforces it, so concurrent requests cannot slip past each other.
 */
@Entity('live_sessions')
// Deferrable: re-anchoring moves a cohort's sessions together, and checks them once all have moved.
@Exclusion(
  'no_overlapping_sessions',
  `USING gist ("cohort_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'scheduled')`,
  {
    deferrable: 'INITIALLY IMMEDIATE',
  },
)
export class LiveSessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  /** The title in French, else in the first language present: what older clients read. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The title in the programme's languages (like a course's); at least one. */
  // Empty only for rows written by hand in SQL (benchmarks): readers fall back to the single one.
  @Column({ type: 'jsonb', default: () => "'{}'" })
  titles: LocalizedText;

  @Index()
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The agreed start on the wall clock of `timeZone`, e.g. `2026-09-22T10:00:00`. */
  @Column({ name: 'local_start', type: 'varchar', length: 23 })
  localStart: string;

  /** The IANA zone of `localStart`: the series' zone, or the one given, or the scheduler's. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 20 })
  mode: SessionMode;

  @Column({ type: 'varchar', length: 20 })
  status: SessionStatus;

  @Column({ name: 'room_name', type: 'varchar', length: 80, unique: true })
  roomName: string;

  /** The iCalendar SEQUENCE of its invitations: one more at each change, so calendars apply the latest. */
  @Column({ name: 'ics_sequence', type: 'int', default: 0 })
  icsSequence: number;

  /** Sessions created together by `repeatWeeks` share it. */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  /** Why it was cancelled, in the languages the canceller gave (told to the cohort); null when none was given. */
  @Column({ name: 'cancellation_reasons', type: 'jsonb', nullable: true })
  cancellationReasons: LocalizedText | null;

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
