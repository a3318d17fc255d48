import type { LocalizedText } from '@mre/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('networks')
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The name in French, else in the first language present: what reports and older clients read. */
  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  /** The name in the programme's languages; at least one. */
  // Empty only for rows written by hand in SQL (benchmarks): readers fall back to the single one.
  @Column({ type: 'jsonb', default: () => "'{}'" })
  names: LocalizedText;

  /** As it was typed, for networks without one country (`International`) or from before the codes. */
  @Column({ type: 'varchar', length: 100 })
  country: string;

  /** ISO 3166-1 alpha-2; its name in each language comes from Intl.DisplayNames. */
  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ name: 'sector_codes', type: 'text', array: true, default: () => "'{}'" })
  sectorCodes: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
