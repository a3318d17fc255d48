import { foldLine } from '@/core/calendar/icalendar';
import { buildIcs, inviteFor } from './calendar-invite';

const session = {
  id: '6f1c2a7e-3b7f-4b1a-9d0e-2f6a8c4b1e11',
  title: 'Freins; hydraulique, niveau 2',
  startsAt: new Date('2027-03-14T22:00:00Z'),
  endsAt: new Date('2027-03-14T23:30:00Z'),
  icsSequence: 3,
};
const context = {
  publicUrl: 'https://academy.test',
  organizer: 'MRE Academy <no-reply@academy.test>',
  attendee: 'salma@example.test',
  now: new Date('2027-01-02T08:00:00Z'),
};
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('buildIcs', () => {
  it('describes the session as one event in UTC, with the session id as UID and the classroom URL', () => {
    const sut = unfold(buildIcs(inviteFor(session, 'REQUEST'), context));
    expect(sut.split('\r\n')).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        `UID:${session.id}`,
        'SEQUENCE:3',
        'DTSTAMP:20270102T080000Z',
        'DTSTART:20270314T220000Z',
        'DTEND:20270314T233000Z',
        'SUMMARY:Freins\\; hydraulique\\, niveau 2',
        `URL:https://academy.test/sessions/${session.id}/classroom`,
        'ORGANIZER;CN=MRE Academy:mailto:no-reply@academy.test',
        'STATUS:CONFIRMED',
      ]),
    );
    expect(sut.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('keeps a title with line breaks, a lone CR included, on its one SUMMARY line', () => {
    const sut = buildIcs(
      inviteFor({ ...session, title: 'Freins\rATTENDEE:mailto:x@evil.test\nfin\r\nok' }, 'REQUEST'),
      context,
    );
    const lines = unfold(sut).split('\r\n');
    expect(lines).toContain('SUMMARY:Freins\\nATTENDEE:mailto:x@evil.test\\nfin\\nok');
    expect(sut.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.filter((line) => line.startsWith('ATTENDEE'))).toEqual([
      'ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:salma@example.test',
    ]);
  });

  it('cancels with the same UID', () => {
    const sut = buildIcs(inviteFor(session, 'CANCEL'), context);
    expect(sut).toContain('METHOD:CANCEL');
    expect(sut).toContain('STATUS:CANCELLED');
    expect(sut).toContain(`UID:${session.id}`);
  });
});

describe('foldLine', () => {
  it('folds at 75 octets without cutting a UTF-8 character', () => {
    const line = `SUMMARY:${'صيانة الطائرات '.repeat(8)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});
