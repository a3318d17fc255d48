import type { LocalizedText } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CourseModuleEntity } from './course-module.entity';
import { CourseEntity } from './course.entity';

/** A file uploaded to a module of a course; its bytes are in the object storage under `storageKey`. */
@Entity('course_materials')
export class CourseMaterialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Index()
  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  /** Order within the module (1, 2, …): set at upload (last) and by reordering. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  /** The name the file was sent with: shown and offered when saving, never used as a path. */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** As sniffed from the content. */
  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType: string;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  sizeBytes: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, unique: true })
  storageKey: string;

  @Column({ type: 'varchar', length: 200 })
  etag: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
