import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Each version of the tz database that the future sessions were anchored with (their instants
 * derived from their wall-clock starts), the latest last. A runtime whose version is not the latest
 * re-anchors them.
 */
@Entity('time_zone_rules')
export class TimeZoneRulesEntity {
  /** `process.versions.tz` of the runtime that anchored them, e.g. `2026e`. */
  @PrimaryColumn({ name: 'tz_version', type: 'varchar', length: 16 })
  tzVersion: string;

  @CreateDateColumn({ name: 'anchored_at', type: 'timestamptz' })
  anchoredAt: Date;

  @Column({ name: 'sessions_moved', type: 'int' })
  sessionsMoved: number;
}
