import type { AuthUser } from '@/core/auth/auth-user';
import type { AuditRecord } from '@/modules/audit/audit.service';
import type { CourseMaterialEntity } from './course-material.entity';

export type MaterialAuditAction = 'material.uploaded' | 'material.deleted';

/** The audit entry of a file added to or removed from a course: enough to tell which file it was once gone. */
export function materialAudit(
  action: MaterialAuditAction,
  material: CourseMaterialEntity,
  actor: AuthUser,
  reason: string | null = null,
): AuditRecord {
  return {
    actorId: actor.id,
    action,
    entityType: 'material',
    entityId: material.id,
    reason,
    data: {
      courseId: material.courseId,
      moduleId: material.moduleId,
      fileName: material.fileName,
      contentType: material.contentType,
      sizeBytes: material.sizeBytes,
    },
  };
}
