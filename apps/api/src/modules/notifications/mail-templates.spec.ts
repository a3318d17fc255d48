import { intlLocale } from '@mre/contracts';
import { renderMail } from './mail-templates';

// IANA tzdb 2026c and later: Casablanca at UTC+0 all year since 2026-09-20; Toronto at UTC-5 until 2027-03-14.
describe('renderMail', () => {
  it('writes a rescheduled session in the recipient language and time zone, naming the zone and its offset', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'fr',
      template: 'session-rescheduled',
      params: {
        fullName: 'Omar',
        title: 'Hydraulique',
        startsAt: '2027-03-10T14:00:00Z',
        timeZone: 'America/Toronto',
      },
    });
    expect(sut.subject).toBe('Séance déplacée : Hydraulique');
    expect(sut.text).toContain('mercredi 10 mars 2027 à 09:00 (Toronto, UTC-5)');
  });

  it('writes Arabic right to left and escapes names in HTML', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'ar',
      template: 'invitation',
      params: {
        fullName: '<b>سلمى</b>',
        link: 'http://x.test/accept-invite?token=a',
        expiresAt: '2027-01-01T10:00:00Z',
        timeZone: 'Africa/Casablanca',
      },
    });
    expect(sut.html).toContain('dir="rtl"');
    expect(sut.html).toContain('&lt;b&gt;سلمى&lt;/b&gt;');
    expect(sut.text).toContain('http://x.test/accept-invite?token=a');
    expect(sut.text).toContain('(Casablanca, UTC+0)');
  });

  it('spells months in Arabic as the app does (Moroccan names, the same Intl formatting)', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'ar',
      template: 'session-cancelled',
      params: {
        fullName: 'سلمى',
        title: 'ورشة المحركات',
        startsAt: '2026-12-08T10:00:00Z',
        timeZone: 'Africa/Casablanca',
      },
    });
    const app = new Intl.DateTimeFormat(intlLocale('ar'), {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Africa/Casablanca',
    }).format(new Date('2026-12-08T10:00:00Z'));
    expect(app).toContain('دجنبر');
    expect(sut.text).toContain(`${app} (Casablanca, UTC+0)`);
  });

  it('lists the cancelled sessions of a series with the reason, in the recipient’s language, and leaves out a reason not given', () => {
    const items = ['2027-02-09T10:00:00.000Z', '2027-02-16T10:00:00.000Z'].map((startsAt) => ({
      title: 'Moteurs',
      startsAt,
      timeZone: 'Africa/Casablanca',
    }));
    const params = {
      fullName: 'Omar',
      title: 'Moteurs',
      startsAt: items[0].startsAt,
      timeZone: 'Europe/Paris',
    };
    const french = renderMail({
      to: 'a@b.test',
      locale: 'fr',
      template: 'session-cancelled',
      params: { ...params, reason: 'Atelier fermé' },
      items,
    });
    expect(french.text).toContain('2 séances de « Moteurs » sont annulées :');
    // Paris is at UTC+1 in February; the class keeps 10:00 in Casablanca (UTC+0).
    expect(french.text).toContain(
      '• Moteurs: mardi 16 février 2027 à 11:00 (Paris, UTC+1) — 10:00 (Casablanca, UTC+0)',
    );
    expect(french.text).toContain('Motif : Atelier fermé');
    const single = renderMail({ to: 'a@b.test', locale: 'en', template: 'session-cancelled', params });
    expect(single.text).toContain('The session "Moteurs" planned for');
    expect(single.text).not.toContain('Reason');
  });

  it('lists the sessions new time-zone rules moved, at the recipient’s time and at the wall clock they keep', () => {
    const items = [
      {
        title: 'Freins',
        startsAt: '2027-01-12T10:00:00.000Z',
        timeZone: 'Africa/Casablanca',
      },
    ];
    const expert = renderMail({
      to: 'a@b.test',
      locale: 'en',
      template: 'time-zone-rules-changed',
      params: { fullName: 'Youssef', timeZone: 'America/Toronto', tzVersion: '2026e' },
      items,
    });
    expect(expert.subject).toBe('Session times updated: time-zone rules changed');
    expect(expert.text).toContain('(IANA time zone database 2026e)');
    expect(expert.text).toContain(
      '• Freins: Tuesday, January 12, 2027 at 5:00 AM (Toronto, UTC-5) — 10:00 AM (Casablanca, UTC+0)',
    );
    const trainee = renderMail({
      to: 'c@d.test',
      locale: 'fr',
      template: 'time-zone-rules-changed',
      params: { fullName: 'Salma', timeZone: 'Africa/Casablanca', tzVersion: '2026e' },
      items,
    });
    expect(trainee.text).toContain('• Freins: mardi 12 janvier 2027 à 10:00 (Casablanca, UTC+0)');
    expect(trainee.text).not.toContain(' — ');
  });
});
