import type { CalendarInvite } from '@/core/queue/queue-name';
import type { MailAttachment } from '@/core/mail/mail-transport';

export interface InviteContext {
  publicUrl: string;
  /** The platform's sender address: the organizer calendars show. */
  organizer: string;
  attendee: string;
  now?: Date;
}

/** 20270314T220000Z: iCalendar's UTC form. */
const utc = (iso: string | Date) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11). Every line break, a lone CR included, becomes `\n`: a raw
 * CR would end the content line and let a title write properties of its own.
 */
const text = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The bare address of `Name <address>` or of an address. */
const address = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** A VCALENDAR with the session as one VEVENT whose UID is the session id; CANCEL removes it from calendars. */
export function buildIcs(invite: CalendarInvite, context: InviteContext): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MRE Academy//Live sessions//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${invite.method}`,
    'BEGIN:VEVENT',
    `UID:${invite.sessionId}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTAMP:${utc(context.now ?? new Date())}`,
    `DTSTART:${utc(invite.startsAt)}`,
    `DTEND:${utc(invite.endsAt)}`,
    `SUMMARY:${text(invite.title)}`,
    `URL:${context.publicUrl}/sessions/${invite.sessionId}/classroom`,
    `ORGANIZER;CN=MRE Academy:mailto:${address(context.organizer)}`,
    `ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${context.attendee}`,
    `STATUS:${invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
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
