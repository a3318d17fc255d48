import type { EntityManager } from 'typeorm';
import type { AuditService } from '@/modules/audit/audit.service';

/** The account events of issue 14, each audited on the person (`user`) with who acted and from where. */
export type AccountEvent =
  | 'user.created'
  | 'user.changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.invitation-resent'
  | 'password.reset-requested'
  | 'password.reset'
  | 'password.changed'
  | 'two-factor.enabled'
  | 'two-factor.disabled'
  | 'two-factor.recovery-code-used'
  | 'sign-in.succeeded'
  | 'sign-in.failed'
  | 'sign-out'
  | 'sessions.revoked';

/** Who did it (null: the platform, or someone not signed in) and the address it came from. */
export interface AccountActor {
  id: string | null;
  ip?: string;
}

export function recordAccountEvent(
  audit: AuditService,
  event: AccountEvent,
  userId: string,
  actor: AccountActor,
  data: Record<string, unknown> = {},
  manager?: EntityManager,
): Promise<void> {
  return audit.record(
    [
      {
        actorId: actor.id,
        action: event,
        entityType: 'user',
        entityId: userId,
        data: { ...data, ...(actor.ip ? { ip: actor.ip } : {}) },
      },
    ],
    manager,
  );
}
