import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CertificateEntity } from './certificate.entity';

/**
 * The PDF rendered when the certificate was issued. Kept in PostgreSQL rather than on a disk, so
 * that any API replica can serve what any worker rendered.
 */
@Entity('certificate_files')
export class CertificateFileEntity {
  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' })
  certificateId: string;

  @OneToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: CertificateEntity;

  @Column({ type: 'bytea' })
  pdf: Buffer;
}
