import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, i18nLoaded } from '@/i18n/i18n';
import { TRANSLATIONS } from '@/test/translations';
import { RichText } from './rich-text';

async function inLanguage(locale: string, node: React.ReactNode) {
  localStorage.setItem('mre.locale', locale);
  const i18n = createI18n(localStorage, TRANSLATIONS);
  await i18nLoaded(i18n);
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>).container;
}

describe('a translated sentence with elements inside', () => {
  it('wraps tagged text in its element, with the values as text', async () => {
    const container = await inLanguage(
      'fr',
      <RichText
        i18nKey="schedule.agreedTime"
        values={{ time: '10:00', place: 'Casablanca', offset: 'UTC+0' }}
        components={{ bdi: <bdi data-testid="time" />, zone: <bdi data-testid="zone" /> }}
      />,
    );
    expect(container.textContent).toBe('Heure convenue : 10:00, Casablanca (UTC+0)');
    expect(
      [...container.querySelectorAll('bdi')].map((bdi) => [bdi.dataset.testid, bdi.textContent]),
    ).toEqual([
      ['time', '10:00'],
      ['zone', 'Casablanca (UTC+0)'],
    ]);
  });

  it('puts an element in place of a self-closing tag, in Arabic too', async () => {
    const container = await inLanguage(
      'ar',
      <RichText i18nKey="schedule.opensAt" components={{ when: <time dateTime="2027-01-12">12/01</time> }} />,
    );
    expect(container.textContent).toBe('موعد فتح الدخول: 12/01');
    expect(container.childNodes[0]?.textContent).toBe('موعد فتح الدخول: ');
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe('2027-01-12');
    expect(container.lastChild).toBe(container.querySelector('time'));
  });

  it('never turns a value into markup', async () => {
    const container = await inLanguage(
      'en',
      <RichText
        i18nKey="schedule.cancelReason"
        values={{ reason: '<b>closed</b> & <when/>' }}
        components={{ bdi: <bdi dir="auto" /> }}
      />,
    );
    expect(container.textContent).toBe('Reason: <b>closed</b> & <when/>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('bdi')?.textContent).toBe('<b>closed</b> & <when/>');
  });
});
