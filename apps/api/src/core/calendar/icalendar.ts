/**
 * The iCalendar (RFC 5545) text both the e-mailed invitations and the calendar feeds write: one
 * way of writing a session as a VEVENT, so that an invitation and a feed give calendars the same
 * event (same UID, same SEQUENCE) and a subscribed calendar never shows it twice.
 */

/** 20270314T220000Z: iCalendar's UTC form. */
export const icsUtc = (iso: string | Date) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11). Every line break, a lone CR included, becomes `\n`: a raw
 * CR would end the content line and let a title write properties of its own.
 */
export const icsText = (value: string) =>
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

/** A live session as a calendar event. */
export interface SessionEvent {
  sessionId: string;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  /** One more at each change of the session, so calendars apply the latest. */
  sequence: number;
  cancelled: boolean;
}

/** The unfolded lines of the session's VEVENT; `extra` (organizer, attendee...) go before its end. */
export function sessionEventLines(
  event: SessionEvent,
  context: { publicUrl: string; now: Date },
  extra: string[] = [],
): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.sessionId}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsUtc(context.now)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(event.endsAt)}`,
    `SUMMARY:${icsText(event.title)}`,
    `URL:${context.publicUrl}/sessions/${event.sessionId}/classroom`,
    ...extra,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** A VCALENDAR of these lines (calendar properties, then events), folded and CRLF-ended. */
export function icsDocument(lines: string[]): string {
  return `${['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MRE Academy//Live sessions//EN', 'CALSCALE:GREGORIAN', ...lines, 'END:VCALENDAR'].map(foldLine).join('\r\n')}\r\n`;
}
