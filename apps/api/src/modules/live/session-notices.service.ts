import { Injectable } from '@nestjs/common';
import { pickLocalized, type Locale, type LocalizedText } from '@mre/contracts';
import type { CalendarInvite, MailSessionItem, MailTemplate } from '@/core/queue/queue-name';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { inviteFor } from '@/modules/notifications/calendar-invite';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import type { LiveSessionEntity } from './live-session.entity';

type SessionNotice = Extract<MailTemplate, 'session-rescheduled' | 'session-cancelled'>;

/** What a notice says: its kind names both the in-app notification and the e-mail template. */
interface Notice {
  kind: SessionNotice | 'session-created' | 'time-zone-rules-changed' | 'recording-available';
  /** What the bell words it from; the e-mail takes `titles` and `reasons` in the recipient's language. */
  params: Record<string, unknown>;
  /** The sessions the e-mail lists, titled in the recipient's language. */
  items?: (locale: Locale) => MailSessionItem[];
  calendars?: (locale: Locale) => CalendarInvite[];
  /** With the person's id, names the e-mail: the same news is sent once. */
  key: string;
}

/**
 * Tells the people of a cohort (enrolled and teachers) that sessions changed, through
 * NotificationsService: in their in-app list, and by e-mail as each chose, in their language and
 * zone, with the new, updated (or cancelled) calendar invitations.
 */
@Injectable()
export class SessionNoticesService {
  constructor(
    private readonly access: CohortAccessService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Sessions were scheduled (one, or a weekly series): one notice per person for those still to
   * come (a class recorded after the fact is news to nobody), with an invitation each.
   */
  created(scheduled: LiveSessionEntity[]): Promise<void> {
    const now = Date.now();
    const sessions = scheduled.filter((session) => session.endsAt.getTime() > now);
    const [first] = sessions;
    if (!first) return Promise.resolve();
    return this.tell(first.cohortId, {
      kind: 'session-created',
      params: {
        cohortId: first.cohortId,
        sessionId: first.id,
        title: first.title,
        titles: first.titles,
        startsAt: first.startsAt.toISOString(),
        sessions: sessions.length,
      },
      items: sessions.length > 1 ? listed(sessions) : undefined,
      calendars: (locale) => sessions.map((session) => inviteFor(inLanguage(session, locale), 'REQUEST')),
      key: `session-created-${first.id}`,
    });
  }

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
    return this.tell(first.cohortId, {
      kind: template,
      params: {
        sessionId: first.id,
        title: first.title,
        titles: first.titles,
        startsAt: first.startsAt.toISOString(),
        sessions: sessions.length,
        ...(reasons ? { reasons } : {}),
      },
      items: sessions.length > 1 ? listed(sessions) : undefined,
      calendars: (locale) =>
        sessions.map((session) =>
          inviteFor(inLanguage(session, locale), template === 'session-cancelled' ? 'CANCEL' : 'REQUEST'),
        ),
      // One e-mail per person and change, however often it is queued.
      key: `${template}-${first.id}-${first.icsSequence}`,
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
      items: listed(sessions),
      calendars: (locale) => sessions.map((session) => inviteFor(inLanguage(session, locale), 'REQUEST')),
      // One e-mail per person and move, however often it is queued.
      key: `time-zone-rules-changed-${tzVersion}-${first.id}-${first.icsSequence}`,
    });
  }

  /** A session's recording can be watched: the cohort's people are told once per recording. */
  recordingAvailable(session: LiveSessionEntity, recordingId: string): Promise<void> {
    return this.tell(session.cohortId, {
      kind: 'recording-available',
      params: {
        sessionId: session.id,
        recordingId,
        title: session.title,
        titles: session.titles,
        startsAt: session.startsAt.toISOString(),
      },
      key: `recording-available-${recordingId}`,
    });
  }

  /** The same news to every attendee of the cohort. */
  private async tell(cohortId: string, notice: Notice): Promise<void> {
    const people = await this.access.attendeeIds(cohortId);
    await this.notifications.add(
      people.map((userId) => ({
        userId,
        kind: notice.kind,
        params: notice.params,
        key: notice.key,
        mail: { items: notice.items, calendars: notice.calendars },
      })),
    );
  }
}

/** The sessions an e-mail lists, in the recipient's language, each at its own wall clock too. */
function listed(sessions: LiveSessionEntity[]): (locale: Locale) => MailSessionItem[] {
  return (locale) =>
    sessions.map((session) => ({
      title: pickLocalized(session.titles, locale) || session.title,
      startsAt: session.startsAt.toISOString(),
      timeZone: session.timeZone,
    }));
}

function inLanguage(session: LiveSessionEntity, locale: Locale): LiveSessionEntity {
  return { ...session, title: pickLocalized(session.titles, locale) || session.title };
}
