import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MailJob, MailTemplate, QueueName } from '../../core/queue/queue-name';
import { CohortAccessService } from '../cohorts/cohort-access.service';
import { UsersService } from '../identity/users.service';
import { inviteFor } from '../notifications/calendar-invite';
import { NotificationsService } from '../notifications/notifications.service';
import type { LiveSessionEntity } from './live-session.entity';

type SessionNotice = Extract<MailTemplate, 'session-rescheduled' | 'session-cancelled'>;

/**
 * Tells the people of a cohort (enrolled and teachers) that sessions changed: one e-mail each, in
 * their language and zone, with the updated (or cancelled) calendar invitations, and the same news
 * in their in-app list.
 */
@Injectable()
export class SessionNoticesService {
  constructor(
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A session was moved or cancelled by its staff. */
  async changed(session: LiveSessionEntity, template: SessionNotice): Promise<void> {
    const people = await this.users.getMany(await this.access.attendeeIds(session.cohortId));
    const calendars = [inviteFor(session, template === 'session-cancelled' ? 'CANCEL' : 'REQUEST')];
    const startsAt = session.startsAt.toISOString();
    await this.notifications.add(
      people.map((person) => ({
        userId: person.id,
        kind: template,
        params: { sessionId: session.id, title: session.title, startsAt },
      })),
    );
    await this.mailQueue.addBulk(
      people.map((person) => ({
        name: template,
        data: {
          to: person.email,
          locale: person.locale,
          template,
          params: { fullName: person.fullName, title: session.title, startsAt, timeZone: person.timeZone },
          calendars,
        },
        opts: { jobId: `${template}-${session.id}-${person.id}-${session.icsSequence}` },
      })),
    );
  }

  /**
   * New time-zone rules moved a cohort's sessions to keep their wall-clock starts: one e-mail per
   * person lists them all, with one updated invitation per session (same UID, higher SEQUENCE).
   */
  async retimed(cohortId: string, sessions: LiveSessionEntity[], tzVersion: string): Promise<void> {
    if (sessions.length === 0) return;
    const people = await this.users.getMany(await this.access.attendeeIds(cohortId));
    const calendars = sessions.map((session) => inviteFor(session, 'REQUEST'));
    const items = sessions.map((session) => ({
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      localStart: session.localStart,
      timeZone: session.timeZone,
    }));
    const [first] = sessions;
    await this.notifications.add(
      people.map((person) => ({
        userId: person.id,
        kind: 'time-zone-rules-changed' as const,
        params: {
          cohortId,
          sessions: sessions.length,
          sessionId: first.id,
          title: first.title,
          startsAt: first.startsAt.toISOString(),
          tzVersion,
        },
      })),
    );
    await this.mailQueue.addBulk(
      people.map((person) => ({
        name: 'time-zone-rules-changed',
        data: {
          to: person.email,
          locale: person.locale,
          template: 'time-zone-rules-changed' as const,
          params: { fullName: person.fullName, timeZone: person.timeZone, tzVersion },
          items,
          calendars,
        },
        // One e-mail per person and move, however often it is queued.
        opts: { jobId: `time-zone-rules-changed-${tzVersion}-${person.id}-${first.id}-${first.icsSequence}` },
      })),
    );
  }
}
