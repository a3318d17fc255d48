import type { CertificateStatus, CohortKind, LocalizedText } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
} from 'typeorm';
import { CohortEntity } from '@/modules/cohorts/cohort.entity';
import { UserEntity } from '@/modules/identity/user.entity';

/**
 * A certificate as issued: what it states is copied here at issue time, so renaming a course or a
 * person later never changes a certificate already handed out. One per person and cohort.
 */
@Entity('certificates')
@Unique('UQ_certificates_cohort_user', ['cohortId', 'userId'])
export class CertificateEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The public verification code (base32, 160 random bits). */
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName: string;

  @Column({ name: 'course_title', type: 'jsonb' })
  courseTitle: LocalizedText;

  @Column({ name: 'cohort_name', type: 'varchar', length: 200 })
  cohortName: string;

  /** A certificate of a `trainers` cohort lets its holder teach later cohorts (the cascade). */
  @Column({ name: 'cohort_kind', type: 'varchar', length: 20 })
  cohortKind: CohortKind;

  @Column({ name: 'centre_name', type: 'varchar', length: 200 })
  centreName: string;

  @Column({ name: 'network_name', type: 'varchar', length: 200 })
  networkName: string;

  @Column({ type: 'integer' })
  hours: number;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: CertificateStatus;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 500, nullable: true })
  revocationReason: string | null;

  /**
   * Withdrawn at the holder's request when their data was erased: it still counts as issued, but the
   * public page names nobody and says so.
   */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
