import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import type { Locale } from '@mre/contracts';
import { createAppServices } from '@/app/app-services';
import { ServicesContext } from '@/shared/api/services.context';
import { API_ORIGIN, fakeFetch, json } from '@/test/fake-api';
import { TRANSLATIONS } from '@/test/translations';
import { RecordButton } from './record-button';
import { RecordingObjectionsNotice } from './recording-objections-notice';

const SESSION_ID = '00000000-0000-4000-8000-000000000701';
type Consent = Schemas['SessionRecordingConsentDto'];
const objection = (n: number, fullName: string) => ({
  userId: `00000000-0000-4000-8000-00000000071${n}`,
  fullName,
  decidedAt: '2026-12-06T09:30:00Z',
});

/** The host's Record button and the notice beside it, as the classroom's toolbar shows them. */
function renderToolbar(consent: Consent, { recording = false, locale = 'fr' as Locale } = {}) {
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch: fakeFetch({ [`GET /api/sessions/${SESSION_ID}/recording-consent`]: () => json(200, consent) }),
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  void services.i18n.changeLanguage(locale);
  const onStart = vi.fn();
  const onStop = vi.fn();
  render(
    <ServicesContext value={services}>
      <I18nextProvider i18n={services.i18n}>
        <MantineProvider>
          <QueryClientProvider client={services.queryClient}>
            <RecordButton
              sessionId={SESSION_ID}
              recording={recording}
              pending={false}
              onStart={onStart}
              onStop={onStop}
            />
            <RecordingObjectionsNotice sessionId={SESSION_ID} />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </ServicesContext>,
  );
  const answered = () =>
    waitFor(() =>
      expect(services.queryClient.getQueryState(['recording-consent', 'session', SESSION_ID])?.status).toBe(
        'success',
      ),
    );
  return { onStart, onStop, answered };
}

const button = () => screen.getByTestId('recording-toggle') as HTMLButtonElement;

describe('the host’s Record button and objections notice', () => {
  it('starts at once when nobody objected, and shows no notice', async () => {
    const { onStart, answered } = renderToolbar({
      recordingAllowed: true,
      objections: [],
      accepted: 3,
      unanswered: 1,
    });
    await answered();
    fireEvent.click(button());
    expect(onStart).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('recording-objections')).toBeNull();
    expect(screen.queryByTestId('recording-confirm')).toBeNull();
  });

  it('names who objected, and asks the host to confirm before recording', async () => {
    const { onStart } = renderToolbar({
      recordingAllowed: true,
      objections: [objection(1, 'Salma Idrissi'), objection(2, 'Yassine Amrani')],
      accepted: 1,
      unanswered: 0,
    });
    const notice = await screen.findByTestId('recording-objections');
    expect(notice.textContent).toContain('2 personnes s’opposent à l’enregistrement');
    expect(notice.textContent).toContain('Salma Idrissi, Yassine Amrani');

    fireEvent.click(button());
    const confirm = await screen.findByTestId('recording-confirm');
    expect(confirm.textContent).toBe(
      '2 personnes s’opposent à l’enregistrement : Salma Idrissi, Yassine Amrani. Demandez leur accord ou laissez-les hors champ avant d’enregistrer.',
    );
    expect(screen.getByText('Enregistrer malgré 2 oppositions ?')).toBeTruthy();
    expect(onStart).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('recording-confirm-cancel'));
    await waitFor(() => expect(screen.queryByTestId('recording-confirm')).toBeNull());
    expect(onStart).not.toHaveBeenCalled();

    fireEvent.click(button());
    fireEvent.click(await screen.findByTestId('recording-confirm-start'));
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('stops without asking', async () => {
    const { onStop } = renderToolbar(
      { recordingAllowed: true, objections: [objection(1, 'Salma Idrissi')], accepted: 0, unanswered: 0 },
      { recording: true },
    );
    await screen.findByTestId('recording-objections');
    fireEvent.click(button());
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('recording-confirm')).toBeNull();
  });

  it('is disabled when the cohort is not to be recorded, the notice beside it saying why, in Arabic too', async () => {
    const { onStart } = renderToolbar(
      { recordingAllowed: false, objections: [], accepted: 0, unanswered: 2 },
      { locale: 'ar' },
    );
    const notice = await screen.findByTestId('recording-not-allowed');
    expect(notice.textContent).toBe('لا ينبغي تسجيل حصص هذا الفوج، لذا زر «بدء التسجيل» معطّل.');
    expect(button().disabled).toBe(true);
    expect(button().getAttribute('aria-describedby')).toBe(notice.id);
    fireEvent.click(button());
    expect(onStart).not.toHaveBeenCalled();
  });
});
