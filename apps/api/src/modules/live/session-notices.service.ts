import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { pickLocalized, type Locale, type LocalizedText } from '@mre/contracts';
import { CalendarInvite, MailJob, MailSessionItem, MailTemplate, QueueName } from '@/core/queue/queue-name';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { UsersService } from '@/modules/identity/users.service';
import { inviteFor } from '@/modules/notifications/calendar-invite';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import type { LiveSessionEntity } from './live-session.entity';

type SessionNotice = Extract<MailTemplate, 'session-rescheduled' | 'session-cancelled'>;

/** What a notice says: its kind names both the in-app notification and the e-mail template. */
interface Notice {
  kind: SessionNotice | 'time-zone-rules-changed';
  params: Record<string, unknown>;
  mailParams: Record<string, string>;
  /** The session's title in each language: the e-mail gives it in the recipient's. */
  titles?: LocalizedText;
  /** Why, in each language given: the e-mail gives it in the recipient's (else another). */
  reasons?: LocalizedText;
  /** The sessions the e-mail lists and its invitations, titled in the recipient's language. */
  items?: (locale: Locale) => MailSessionItem[];
  calendars: (locale: Locale) => CalendarInvite[];
  /** With the person's id, the e-mail job's id: the same news is queued once. */
  jobKey: string;
}

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

  /**
   * Sessions (one, or several of a series) were moved or cancelled by their staff: one notice per
   * person for them all, listing them when there are several, with the reason given if any.
   */
  changed(
    sessions: LiveSessionEntity[],
    template: SessionNotice,
    reasons: LocalizedText | null = null,
  ): Promise<void> {
    const [first] = sessions;
    if (!first) return Promise.resolve();
    const startsAt = first.startsAt.toISOString();
    return this.tell(first.cohortId, {
      kind: template,
      params: {
        sessionId: first.id,
        title: first.title,
        titles: first.titles,
        startsAt,
        sessions: sessions.length,
        ...(reasons ? { reasons } : {}),
      },
      mailParams: { title: first.title, startsAt },
      titles: first.titles,
      reasons: reasons ?? undefined,
      items:
        sessions.length > 1
          ? (locale) =>
              sessions.map((session) => ({
                title: pickLocalized(session.titles, locale) || session.title,
                startsAt: session.startsAt.toISOString(),
                timeZone: session.timeZone,
              }))
          : undefined,
      calendars: (locale) =>
        sessions.map((session) =>
          inviteFor(inLanguage(session, locale), template === 'session-cancelled' ? 'CANCEL' : 'REQUEST'),
        ),
      // One e-mail per person and change, however often it is queued.
      jobKey: `${template}-${first.id}-${first.icsSequence}`,
    });
  }

  /**
   * New time-zone rules moved a cohort's sessions to keep their wall-clock starts: one e-mail per
   * person lists them all, with one updated invitation per session (same UID, higher SEQUENCE).
   */
  retimed(cohortId: string, sessions: LiveSessionEntity[], tzVersion: string): Promise<void> {
    const [first] = sessions;
    if (!first) return Promise.resolve();
    return this.tell(cohortId, {
      kind: 'time-zone-rules-changed',
      params: {
        cohortId,
        sessions: sessions.length,
        sessionId: first.id,
        title: first.title,
        titles: first.titles,
        startsAt: first.startsAt.toISOString(),
        tzVersion,
      },
      mailParams: { tzVersion },
      items: (locale) =>
        sessions.map((session) => ({
          title: pickLocalized(session.titles, locale),
          startsAt: session.startsAt.toISOString(),
          timeZone: session.timeZone,
        })),
      calendars: (locale) => sessions.map((session) => inviteFor(inLanguage(session, locale), 'REQUEST')),
      // One e-mail per person and move, however often it is queued.
      jobKey: `time-zone-rules-changed-${tzVersion}-${first.id}-${first.icsSequence}`,
    });
  }

  /** The same news to every attendee of the cohort: in their in-app list, and by e-mail in their language and zone. */
  private async tell(cohortId: string, notice: Notice): Promise<void> {
    const people = await this.users.getMany(await this.access.attendeeIds(cohortId));
    await this.notifications.add(
      people.map((person) => ({ userId: person.id, kind: notice.kind, params: notice.params })),
    );
    await this.mailQueue.addBulk(
      people.map((person) => ({
        name: notice.kind,
        data: {
          to: person.email,
          locale: person.locale,
          template: notice.kind,
          params: {
            ...notice.mailParams,
            ...(notice.titles ? { title: pickLocalized(notice.titles, person.locale) } : {}),
            ...(notice.reasons ? { reason: pickLocalized(notice.reasons, person.locale) } : {}),
            fullName: person.fullName,
            timeZone: person.timeZone,
          },
          items: notice.items?.(person.locale),
          calendars: notice.calendars(person.locale),
        },
        opts: { jobId: `${notice.jobKey}-${person.id}` },
      })),
    );
  }
}

function inLanguage(session: LiveSessionEntity, locale: Locale): LiveSessionEntity {
  return { ...session, title: pickLocalized(session.titles, locale) || session.title };
}
