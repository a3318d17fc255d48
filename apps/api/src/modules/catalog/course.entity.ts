import type { CourseFormat, CourseStatus, LocalizedText } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';
import { NetworkEntity } from '@/modules/organizations/network.entity';
import { CourseModuleEntity } from './course-module.entity';

const COURSE_SEARCH_TEXT = `lower(code || chr(31) || coalesce(title->>'ar', '') || chr(31) || coalesce(title->>'fr', '') || chr(31) || coalesce(title->>'en', ''))`;

@Entity('courses')
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  summary: LocalizedText | null;

  /**
   * The code and the titles in small letters, for the catalogue search: `LIKE '%…%'` on it matches
   * what ILIKE on each field did, and its trigram index (pg_trgm, made by the migration) finds the
   * few matching rows without reading every course of a sector. The unit separator keeps a match
   * from running from one field into the next.
   */
  @Index('IDX_courses_search_trgm', { synchronize: false })
  @Column({
    type: 'text',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: COURSE_SEARCH_TEXT,
  })
  search?: string;

  @Index()
  @Column({ name: 'sector_code', type: 'varchar', length: 40 })
  sectorCode: string;

  @Index()
  @Column({ name: 'network_id', type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'network_id' })
  network?: NetworkEntity;

  @Column({ type: 'varchar', length: 20 })
  format: CourseFormat;

  @Column({ name: 'duration_hours', type: 'integer' })
  durationHours: number;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status: CourseStatus;

  /** The diaspora experts who may edit the course. */
  @ManyToMany(() => UserEntity)
  @JoinTable({
    name: 'course_experts',
    joinColumn: { name: 'course_id' },
    inverseJoinColumn: { name: 'user_id' },
  })
  experts?: UserEntity[];

  @OneToMany(() => CourseModuleEntity, (module) => module.course)
  modules?: CourseModuleEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
