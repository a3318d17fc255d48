import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CourseMaterialEntity } from '@/modules/catalog/course-material.entity';
import { UserEntity } from '@/modules/identity/user.entity';

/** A material a person marked as done; gone with the material or the person. */
@Entity('material_completions')
export class MaterialCompletionEntity {
  @PrimaryColumn({ name: 'material_id', type: 'uuid' })
  materialId: string;

  @ManyToOne(() => CourseMaterialEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'material_id' })
  material?: CourseMaterialEntity;

  @Index()
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'done_at', type: 'timestamptz' })
  doneAt: Date;
}
