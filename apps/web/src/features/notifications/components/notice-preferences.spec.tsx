import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '@mre/contracts';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';
import { TRANSLATIONS } from '@/test/translations';

const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };

const DEFAULTS = [
  { kind: 'enrolled', email: 'immediate', isDefault: true },
  { kind: 'session-created', email: 'immediate', isDefault: true },
  { kind: 'recording-available', email: 'digest', isDefault: true },
];

/** The profile page, its notice choices answered by `put` (by default: saved as sent). */
function renderPreferences(put?: (body: { items: { kind: string; email: string }[] }) => Response) {
  const sent: unknown[] = [];
  renderApp({
    route: '/profile',
    signedIn: true,
    fetch: fakeFetch({
      'GET /api/me': () => json(200, trainee),
      'GET /api/me/certificates': () => json(200, emptyList),
      'GET /api/me/notification-preferences': () => json(200, { items: DEFAULTS }),
      'PUT /api/me/notification-preferences': async (request) => {
        const body = await request.json();
        sent.push(body);
        if (put) return put(body);
        const [change] = body.items;
        return json(200, {
          items: DEFAULTS.map((item) => (item.kind === change.kind ? { ...change, isDefault: false } : item)),
        });
      },
    }),
  });
  return sent;
}

describe('notice preferences on the profile', () => {
  it('lists each kind with its e-mail choice, the defaults named, and saves a change at once', async () => {
    const sent = renderPreferences();
    const section = await screen.findByTestId('notice-preferences');
    expect(within(section).getByText('Avis par e-mail')).toBeTruthy();
    const select = (await within(section).findByLabelText('Nouvelle séance')) as HTMLSelectElement;
    expect(select.value).toBe('immediate');
    expect(within(select).getByText('Tout de suite')).toBeTruthy();
    const recording = within(section).getByLabelText('Enregistrement disponible') as HTMLSelectElement;
    expect(recording.value).toBe('digest');

    fireEvent.change(select, { target: { value: 'digest' } });

    await waitFor(() =>
      expect(within(section).getByTestId('notice-preferences-saved').textContent).toBe(
        'Choix enregistré : Nouvelle séance — Résumé quotidien.',
      ),
    );
    expect(sent).toEqual([{ items: [{ kind: 'session-created', email: 'digest' }] }]);
    expect((within(section).getByLabelText('Nouvelle séance') as HTMLSelectElement).value).toBe('digest');
  });

  it('says in the reader’s language why a choice was refused', async () => {
    renderPreferences(() =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'nope',
        code: 'email-mode-unknown',
      }),
    );
    const select = (await screen.findByLabelText('Inscription dans une cohorte')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'off' } });
    const error = await screen.findByTestId('notice-preferences-error');
    expect(error.textContent).toContain('Ce choix d’e-mail n’existe pas.');
  });
});

describe('notice kinds in every language', () => {
  // Reminders and survey requests are e-mailed by their own jobs, always: they are not offered.
  const offered = NOTIFICATION_KINDS.filter(
    (kind) => kind !== 'session-reminder' && kind !== 'feedback-request',
  );

  it('names every kind a person can choose for in Arabic, French and English (no raw kind shown)', () => {
    for (const [locale, texts] of Object.entries(TRANSLATIONS)) {
      const kinds = (texts as { notices: { kinds: Record<string, string> } }).notices.kinds;
      const missing = offered.filter((kind) => !kinds[kind]);
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });
});
