import { renderMail } from './mail-templates';

describe('renderMail', () => {
  it('writes a rescheduled session in the recipient language and time zone, naming the zone', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'fr',
      template: 'session-rescheduled',
      params: { fullName: 'Omar', title: 'Hydraulique', startsAt: '2027-03-10T14:00:00Z', timeZone: 'America/Toronto' },
    });
    expect(sut.subject).toBe('Séance déplacée : Hydraulique');
    // 14:00 UTC is 10:00 in Toronto once daylight saving started (2027-03-14 is later: still EST, 09:00).
    expect(sut.text).toContain('09:00');
    expect(sut.text).toContain('(America/Toronto)');
  });

  it('writes Arabic right to left and escapes names in HTML', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'ar',
      template: 'invitation',
      params: { fullName: '<b>سلمى</b>', link: 'http://x.test/accept-invite?token=a', expiresAt: '2027-01-01T10:00:00Z', timeZone: 'Africa/Casablanca' },
    });
    expect(sut.html).toContain('dir="rtl"');
    expect(sut.html).toContain('&lt;b&gt;سلمى&lt;/b&gt;');
    expect(sut.text).toContain('http://x.test/accept-invite?token=a');
  });
});
