import { renderMail } from './mail-templates';

// The e-mails of the cohort board's notices (announcement-posted, question-answered).
describe('renderMail, board notices', () => {
  it('names a new announcement in each language, escaping what staff wrote', () => {
    const params = {
      fullName: 'Salma',
      title: 'Séance <jeudi> avancée',
      cohortName: 'Kénitra',
      link: 'https://academy.test/cohort-board/c1',
    };
    const fr = renderMail({ to: 'a@b.test', locale: 'fr', template: 'announcement-posted', params });
    expect(fr.subject).toBe('Nouvelle annonce : Séance <jeudi> avancée');
    expect(fr.text).toContain('« Kénitra »');
    expect(fr.text).toContain('Lire l’annonce: https://academy.test/cohort-board/c1');
    expect(fr.html).toContain('Séance &lt;jeudi&gt; avancée');
    expect(fr.html).not.toContain('<jeudi>');

    const ar = renderMail({ to: 'a@b.test', locale: 'ar', template: 'announcement-posted', params });
    expect(ar.subject).toBe('إعلان جديد: Séance <jeudi> avancée');
    expect(ar.html).toContain('dir="rtl"');
    const en = renderMail({
      to: 'a@b.test',
      locale: 'en',
      template: 'announcement-posted',
      params: { fullName: 'Sam', title: 'Exam' },
    });
    expect(en.text).toContain('The training team posted an announcement for your cohort: "Exam".');
  });

  it('tells the asker of an answer, quoting the start of their question', () => {
    const sut = renderMail({
      to: 'a@b.test',
      locale: 'ar',
      template: 'question-answered',
      params: { fullName: 'سلمى', question: 'ما هو ضغط الإطارات؟', link: 'https://academy.test/x' },
    });
    expect(sut.subject).toBe('وصلت إجابة على سؤالك');
    expect(sut.text).toContain('«ما هو ضغط الإطارات؟»');
  });
});
