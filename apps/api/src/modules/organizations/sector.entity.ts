import type { LocalizedText } from '@mre/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('sectors')
export class SectorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'jsonb' })
  name: Required<LocalizedText>;
}
