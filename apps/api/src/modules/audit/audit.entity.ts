import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change that matters to a funder: who, when, what, why. Rows are only ever inserted, and have
 * no foreign keys, so that the log outlives the users and records it speaks of.
 */
@Entity('audit_log')
@Index(['entityType', 'entityId', 'createdAt'])
@Index(['actorId', 'createdAt'])
@Index('IDX_audit_log_created_at', ['createdAt'])
// The person an entry concerns (`data.userId`: an enrolment, an attendance correction, a certificate),
// for a person's trail. An expression index, made by the migration AuditSubjectIndex.
@Index('IDX_audit_log_subject', { synchronize: false })
export class AuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null when the platform itself acted. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
