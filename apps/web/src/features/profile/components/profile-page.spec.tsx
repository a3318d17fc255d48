import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };

/** The profile page of `user`, recording what the form sends. */
function renderProfile(user: typeof trainee) {
  const sent: unknown[] = [];
  renderApp({
    route: '/profile',
    signedIn: true,
    fetch: fakeFetch({
      'GET /api/me': () => json(200, user),
      'GET /api/me/certificates': () => json(200, emptyList),
      'PATCH /api/me': async (request) => {
        const body = await request.json();
        sent.push(body);
        return json(200, { ...user, ...body });
      },
    }),
  });
  return sent;
}

describe('profile', () => {
  it('lets someone not yet enrolled correct their name', async () => {
    const sent = renderProfile(trainee);
    const name = (await screen.findByTestId('profile-full-name')) as HTMLInputElement;
    expect(name.readOnly).toBe(false);
    fireEvent.change(name, { target: { value: ' Sara El Alaoui ' } });
    fireEvent.click(screen.getByTestId('profile-save'));

    await screen.findByTestId('profile-saved');
    expect(sent).toEqual([{ fullName: 'Sara El Alaoui', locale: 'fr', timeZone: 'Africa/Casablanca' }]);
  });

  it("shows an enrolled person's legal name as theirs to read, says who corrects it, and still saves the rest", async () => {
    const sent = renderProfile({ ...trainee, legalNameLocked: true });
    const name = (await screen.findByTestId('profile-full-name')) as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    expect(name.value).toBe('Sara Alaoui');
    expect(screen.getByText(/C’est votre nom officiel, imprimé sur vos certificats/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('profile-save'));

    await screen.findByTestId('profile-saved');
    await waitFor(() => expect(sent).toEqual([{ locale: 'fr', timeZone: 'Africa/Casablanca' }]));
  });

  it('keeps the data-saver choice, and going back to automatic follows the connection again', async () => {
    Object.defineProperty(navigator, 'connection', {
      value: Object.assign(new EventTarget(), { effectiveType: '2g', saveData: false }),
      configurable: true,
    });
    try {
      const sent = renderProfile({ ...trainee, dataSaver: false });
      const saver = await screen.findByTestId('data-saver');
      expect(saver.textContent).toContain('les classes démarrent en audio seul');
      expect((within(saver).getByLabelText('Désactivé') as HTMLInputElement).checked).toBe(true);
      expect(screen.getByTestId('data-saver-state').textContent).toBe(
        'Désactivé, quelle que soit la connexion.',
      );

      fireEvent.click(within(saver).getByLabelText('Automatique'));

      await waitFor(() => expect(sent).toEqual([{ dataSaver: null }]));
      await waitFor(() =>
        expect(screen.getByTestId('data-saver-state').textContent).toBe(
          'Activé pour l’instant : votre navigateur signale une connexion lente ou limitée.',
        ),
      );
    } finally {
      Reflect.deleteProperty(navigator, 'connection');
    }
  });

  it('offers the device’s zone in one tap when the profile is at another, and saves it', async () => {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    const spy = vi
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockReturnValue({ ...resolved, timeZone: 'America/Toronto' });
    try {
      const sent = renderProfile(trainee);
      const offer = await screen.findByTestId('profile-time-zone-device');
      expect(offer.textContent).toMatch(
        /^Utiliser le fuseau de cet appareil : Toronto — Canada \(UTC-[45]\)$/,
      );
      fireEvent.click(offer);
      expect(screen.queryByTestId('profile-time-zone-device')).toBeNull();
      fireEvent.click(screen.getByTestId('profile-save'));

      await screen.findByTestId('profile-saved');
      expect(sent).toEqual([{ fullName: 'Sara Alaoui', locale: 'fr', timeZone: 'America/Toronto' }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('offers nothing when the profile already has the device’s zone', async () => {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    const spy = vi
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockReturnValue({ ...resolved, timeZone: 'Africa/Casablanca' });
    try {
      renderProfile(trainee);
      await screen.findByTestId('profile-time-zone');
      expect(screen.queryByTestId('profile-time-zone-device')).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
