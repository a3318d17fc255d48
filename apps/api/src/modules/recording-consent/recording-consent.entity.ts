import type { RecordingConsentChoice } from '@mre/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CohortEntity } from '@/modules/cohorts/cohort.entity';
import { UserEntity } from '@/modules/identity/user.entity';

/**
 * A trainee's answer to a cohort's recording notice: who, when, which wording. The latest answer
 * counts; each one is also in the audit log.
 */
@Entity('recording_consents')
export class RecordingConsentEntity {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  choice: RecordingConsentChoice;

  @Column({ name: 'text_version', type: 'varchar', length: 20 })
  textVersion: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
