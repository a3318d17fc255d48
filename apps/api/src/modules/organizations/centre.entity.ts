import type { LocalizedText } from '@mre/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('centres')
export class CentreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The name in French, else in the first language present: what reports and older clients read. */
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  /** The name in the programme's languages; at least one. */
  // Empty only for rows written by hand in SQL (benchmarks): readers fall back to the single one.
  @Column({ type: 'jsonb', default: () => "'{}'" })
  names: LocalizedText;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
