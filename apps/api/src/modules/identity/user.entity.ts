import type { Locale, Role, UserStatus } from '@mre/contracts';
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
import { CentreEntity } from '@/modules/organizations/centre.entity';
import { NetworkEntity } from '@/modules/organizations/network.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Kept in lower case, so that uniqueness ignores case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  /** The legal name: it goes on certificates and their public verification. */
  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  /** Set once the person is enrolled in a cohort: from then on only staff change the name, audited. */
  @Column({ name: 'legal_name_locked', type: 'boolean', default: false })
  legalNameLocked: boolean;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 20 })
  status: UserStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 2 })
  locale: Locale;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  /** Lighter classroom and no autoplay: null follows what the browser says of the connection. */
  @Column({ name: 'data_saver', type: 'boolean', nullable: true })
  dataSaver: boolean | null;

  @Column({ name: 'network_id', type: 'uuid', nullable: true })
  networkId: string | null;

  @ManyToOne(() => NetworkEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Index()
  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId: string | null;

  @ManyToOne(() => CentreEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'centre_id' })
  centre?: CentreEntity;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** Base32 TOTP secret (RFC 6238): set by /me/2fa/setup, in force once `twoFactorEnabledAt` is set. */
  @Column({ name: 'two_factor_secret', type: 'varchar', length: 64, nullable: true })
  twoFactorSecret: string | null;

  @Column({ name: 'two_factor_enabled_at', type: 'timestamptz', nullable: true })
  twoFactorEnabledAt: Date | null;

  /** The last 30-second step whose code was accepted: a code works once. */
  @Column({ name: 'two_factor_last_step', type: 'bigint', nullable: true })
  twoFactorLastStep: string | null;

  /** Set when the person's identifying data was erased at their request: the row only keeps what reports count. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
