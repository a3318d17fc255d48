import { Injectable } from '@nestjs/common';
import { WITHDRAWABLE_STATUSES } from '@mre/contracts';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@/modules/audit/audit.service';
import { FeedTokensService } from '@/modules/calendar/feed-tokens.service';
import { UsersService } from '@/modules/identity/users.service';
import type { NewNotification } from '@/modules/notifications/notifications.service';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { CohortEntity } from './cohort.entity';
import { CohortNotFoundError, CompletedEnrollmentError, EnrollmentNotFoundError } from './cohorts.errors';
import { cohortOccupancy, rosterNoticeContext, waitlistRenumbering } from './cohorts.queries';
import { EnrollmentEntity } from './enrollment.entity';

export interface Placement {
  userId: string;
  /** `skipped`: already in the cohort (active, waitlisted or completed), left as it was. */
  status: 'active' | 'waitlisted' | 'skipped';
  position: number | null;
}

type Placed = Placement & { status: 'active' | 'waitlisted' };

const isPlaced = (p: Placement): p is Placed => p.status !== 'skipped';

/** Who changes the roster and why, for the audit log. */
export interface RosterChange {
  actorId: string;
  reason?: string | null;
  /** Where the change came from, e.g. `{ importId }`. */
  data?: Record<string, unknown>;
}

/**
 * The places of a cohort. Every change takes the cohort row's lock first (SELECT ... FOR UPDATE),
 * so concurrent requests and imports line up: capacity is never exceeded and the waitlist stays
 * numbered 1..N without gaps. Callers pass the transaction's manager.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly feeds: FeedTokensService,
  ) {}

  async lock(cohortId: string, manager: EntityManager): Promise<CohortEntity> {
    const cohort = await manager.findOne(CohortEntity, {
      where: { id: cohortId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!cohort) throw new CohortNotFoundError();
    return cohort;
  }

  /**
   * Enrolls the users in order: active while places remain, then waitlisted at the end of the line.
   * A withdrawn person comes back the same way; anyone else already there is skipped. The insert
   * ignores an existing (cohort, user) pair, so replaying a batch never enrolls anyone twice.
   */
  async add(
    cohortId: string,
    userIds: string[],
    change: RosterChange,
    manager: EntityManager,
  ): Promise<Placement[]> {
    const cohort = await this.lock(cohortId, manager);
    const existing = new Map(
      (await manager.find(EnrollmentEntity, { where: { cohortId, userId: In(userIds) } })).map((e) => [
        e.userId,
        e,
      ]),
    );
    let { taken, waiting } = await this.occupancy(cohortId, manager);
    const placements = userIds.map((userId): Placement => {
      const current = existing.get(userId);
      if (current && current.status !== 'withdrawn') return { userId, status: 'skipped', position: null };
      if (taken < cohort.capacity) {
        taken++;
        return { userId, status: 'active', position: null };
      }
      return { userId, status: 'waitlisted', position: ++waiting };
    });
    const placed = placements.filter(isPlaced);
    const fresh = placed.filter((p) => !existing.has(p.userId));
    if (fresh.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(EnrollmentEntity)
        .values(fresh.map((p) => ({ cohortId, userId: p.userId, status: p.status, position: p.position })))
        .orIgnore()
        .execute();
    }
    // Their name is now the one their certificate will carry: only staff change it from here on.
    await this.users.lockLegalNames(
      placed.map((p) => p.userId),
      manager,
    );
    for (const p of placed.filter((p) => existing.has(p.userId))) {
      await manager.update(
        EnrollmentEntity,
        { cohortId, userId: p.userId },
        { status: p.status, position: p.position },
      );
    }
    await this.audit.record(
      placed.map((p) => ({
        ...this.entry(cohortId, change, 'enrollment.added'),
        data: {
          ...change.data,
          userId: p.userId,
          status: p.status,
          position: p.position,
          returning: existing.has(p.userId),
        },
      })),
      manager,
    );
    await this.tell(
      cohortId,
      placed.filter((p) => p.status === 'active').map((p) => p.userId),
      'enrolled',
      manager,
    );
    return placements;
  }

  /** Withdraws the person, then gives the freed place to the first in line. Answers who was promoted. */
  async withdraw(
    cohortId: string,
    userId: string,
    change: RosterChange,
    manager: EntityManager,
  ): Promise<string[]> {
    const cohort = await this.lock(cohortId, manager);
    const enrollment = await manager.findOne(EnrollmentEntity, { where: { cohortId, userId } });
    if (!enrollment || enrollment.status === 'withdrawn') throw new EnrollmentNotFoundError();
    if (!WITHDRAWABLE_STATUSES.includes(enrollment.status)) throw new CompletedEnrollmentError();
    await manager.update(EnrollmentEntity, enrollment.id, { status: 'withdrawn', position: null });
    await this.audit.record(
      [
        {
          ...this.entry(cohortId, change, 'enrollment.withdrawn'),
          data: {
            ...change.data,
            userId,
            previousStatus: enrollment.status,
            previousPosition: enrollment.position,
          },
        },
      ],
      manager,
    );
    await this.tell(cohortId, [userId], 'withdrawn', manager, change.reason);
    return this.fillFreePlaces(cohort, change, manager);
  }

  /**
   * Promotes the first waitlisted people into the free places (after a withdrawal or a larger
   * capacity) and closes the gaps in the line. The cohort must be locked by the caller.
   */
  async fillFreePlaces(
    cohort: CohortEntity,
    change: RosterChange,
    manager: EntityManager,
  ): Promise<string[]> {
    const { taken } = await this.occupancy(cohort.id, manager);
    const free = cohort.capacity - taken;
    const promoted =
      free > 0
        ? await manager.find(EnrollmentEntity, {
            where: { cohortId: cohort.id, status: 'waitlisted' },
            order: { position: 'ASC' },
            take: free,
          })
        : [];
    if (promoted.length > 0) {
      await manager.update(
        EnrollmentEntity,
        { id: In(promoted.map((e) => e.id)) },
        { status: 'active', position: null },
      );
      await this.audit.record(
        promoted.map((e) => ({
          ...this.entry(cohort.id, change, 'enrollment.promoted'),
          reason: 'a place became free',
          data: { ...change.data, userId: e.userId, previousPosition: e.position },
        })),
        manager,
      );
    }
    await this.renumberWaitlist(cohort.id, manager);
    await this.tell(
      cohort.id,
      promoted.map((e) => e.userId),
      'waitlist-promoted',
      manager,
    );
    return promoted.map((e) => e.userId);
  }

  /** Places taken (active and completed) and the length of the waitlist. */
  async occupancy(cohortId: string, manager: EntityManager): Promise<{ taken: number; waiting: number }> {
    const [row] = await manager.query(...cohortOccupancy(cohortId));
    return row;
  }

  private async renumberWaitlist(cohortId: string, manager: EntityManager): Promise<void> {
    await manager.query(...waitlistRenumbering(cohortId));
  }

  /**
   * Tells the people concerned of their new place (or its loss), with the change's transaction:
   * the e-mail goes once the change is committed, with the link of the cohort's sessions as a
   * calendar feed for a new place.
   */
  private async tell(
    cohortId: string,
    userIds: string[],
    kind: Extract<NewNotification['kind'], 'enrolled' | 'waitlist-promoted' | 'withdrawn'>,
    manager: EntityManager,
    reason?: string | null,
  ): Promise<void> {
    if (userIds.length === 0) return;
    const [context] = await manager.query(...rosterNoticeContext(cohortId));
    const firstStartsAt = (context.firstStartsAt as Date | null)?.toISOString();
    const at = Date.now();
    // Someone who has not accepted their invitation yet reads of their place in the app, not by e-mail.
    const invited = new Set(
      (await this.users.getMany(userIds, manager)).filter((u) => u.status === 'invited').map((u) => u.id),
    );
    // A new place comes with the cohort's sessions as one calendar feed link (the person's own secret).
    const calendarUrls =
      kind === 'withdrawn'
        ? new Map<string, string>()
        : await this.feeds.feedUrls(
            userIds.filter((id) => !invited.has(id)),
            cohortId,
            manager,
          );
    await this.notifications.add(
      userIds.map((userId) => ({
        userId,
        ...(invited.has(userId)
          ? { mail: false as const }
          : calendarUrls.has(userId)
            ? { mail: { params: { calendarUrl: calendarUrls.get(userId) as string } } }
            : {}),
        kind,
        params: {
          cohortId,
          cohortName: context.cohortName,
          courseTitles: context.courseTitles,
          ...(kind === 'enrolled' && firstStartsAt ? { firstStartsAt } : {}),
          ...(reason ? { reason } : {}),
        },
        // A person enrolled, withdrawn and enrolled again is told each time.
        key: `${kind}-${cohortId}-${at}`,
      })),
      manager,
    );
  }

  private entry(cohortId: string, change: RosterChange, action: string) {
    return {
      actorId: change.actorId,
      action,
      entityType: 'cohort',
      entityId: cohortId,
      reason: change.reason ?? null,
    };
  }
}
