import type { CalendarInvite } from '@/core/queue/queue-name';
import type { MailAttachment } from '@/core/mail/mail-transport';
import { icsDocument, sessionEventLines } from '@/core/calendar/icalendar';

export interface InviteContext {
  publicUrl: string;
  /** The platform's sender address: the organizer calendars show. */
  organizer: string;
  attendee: string;
  now?: Date;
}

/** The bare address of `Name <address>` or of an address. */
const address = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** A VCALENDAR with the session as one VEVENT whose UID is the session id; CANCEL removes it from calendars. */
export function buildIcs(invite: CalendarInvite, context: InviteContext): string {
  const event = sessionEventLines(
    {
      sessionId: invite.sessionId,
      title: invite.title,
      startsAt: invite.startsAt,
      endsAt: invite.endsAt,
      sequence: invite.sequence,
      cancelled: invite.method === 'CANCEL',
    },
    { publicUrl: context.publicUrl, now: context.now ?? new Date() },
    [
      `ORGANIZER;CN=MRE Academy:mailto:${address(context.organizer)}`,
      `ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${context.attendee}`,
    ],
  );
  return icsDocument([`METHOD:${invite.method}`, ...event]);
}

export function icsAttachment(invite: CalendarInvite, context: InviteContext): MailAttachment {
  return {
    filename: invite.method === 'CANCEL' ? 'cancelled.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${invite.method}`,
    content: buildIcs(invite, context),
  };
}

/** A session as its calendar invitation needs it. */
export interface InvitedSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** One more at each change of the session. */
  icsSequence: number;
}

export function inviteFor(session: InvitedSession, method: CalendarInvite['method']): CalendarInvite {
  return {
    method,
    sessionId: session.id,
    title: session.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    sequence: session.icsSequence,
  };
}
