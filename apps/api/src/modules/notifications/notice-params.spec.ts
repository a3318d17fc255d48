import { renderMail } from './mail-templates';
import { mailParams } from './notice-params';

describe('mailParams', () => {
  it('keeps strings and numbers, and gives texts in several languages in the recipient’s under the singular name', () => {
    const sut = mailParams(
      {
        cohortName: 'Cohorte Salé',
        sessions: 3,
        titles: { fr: 'Faisceaux', ar: 'الحزم' },
        courseTitle: { fr: 'Câblage' },
        nested: { list: [1] },
      },
      'ar',
    );
    expect(sut).toEqual({
      cohortName: 'Cohorte Salé',
      sessions: '3',
      title: 'الحزم',
      courseTitle: 'Câblage',
    });
  });
});

describe('renderMail of the notices', () => {
  it('lists a digest’s notices by their own subjects and first sentences, in the recipient’s language and zone', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'fr',
      template: 'digest',
      params: { fullName: 'Karim', timeZone: 'Africa/Casablanca', link: 'http://x.test/' },
      digest: [
        { template: 'session-cancelled', params: { title: 'Faisceaux', startsAt: '2027-01-12T10:00:00Z' } },
        { template: 'recording-available', params: { title: 'Freins', startsAt: '2027-01-05T09:00:00Z' } },
      ],
    });
    expect(sut.subject).toBe('Votre résumé du jour : 2 avis');
    // Each by its subject and its own e-mail's first sentence. (tz database 2026c or later: Morocco
    // keeps UTC+0 all year since 2026-09-20, so 10:00 UTC is 10:00 in Casablanca in January 2027.)
    expect(sut.text).toContain(
      '• Séance annulée : Faisceaux — La séance « Faisceaux » prévue le mardi 12 janvier 2027 à 10:00 (Casablanca, UTC+0) est annulée.',
    );
    expect(sut.text).toContain('• Enregistrement disponible : Freins — ');
  });

  it('shows the calendar feed link of an enrollment only when there is one', () => {
    const enrolled = (calendarUrl?: string) =>
      renderMail({
        to: 'a@b.test',
        locale: 'en',
        template: 'enrolled',
        params: {
          fullName: 'Omar',
          cohortName: 'Salé 1',
          courseTitle: 'Wiring',
          firstStartsAt: '2027-01-12T10:00:00Z',
          timeZone: 'America/Toronto',
          ...(calendarUrl ? { calendarUrl } : {}),
        },
      }).text;
    expect(enrolled()).toContain('First session: Tuesday, January 12, 2027 at 5:00 AM (Toronto, UTC-5).');
    expect(enrolled()).not.toContain('calendar');
    expect(enrolled('http://x.test/feed.ics')).toContain(
      "Add the cohort's sessions to your calendar: http://x.test/feed.ics",
    );
  });
});
