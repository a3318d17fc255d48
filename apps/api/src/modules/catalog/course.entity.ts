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
import { UserEntity } from '../identity/user.entity';
import { NetworkEntity } from '../organizations/network.entity';
import { CourseModuleEntity } from './course-module.entity';

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
  @JoinTable({ name: 'course_experts', joinColumn: { name: 'course_id' }, inverseJoinColumn: { name: 'user_id' } })
  experts?: UserEntity[];

  @OneToMany(() => CourseModuleEntity, (module) => module.course)
  modules?: CourseModuleEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
