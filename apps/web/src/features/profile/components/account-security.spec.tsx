import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

const profile = (extra: Record<string, (request: Request) => Response | Promise<Response>> = {}) =>
  fakeFetch({
    'GET /api/me': () => json(200, adminUser),
    'GET /api/me/certificates': () => json(200, emptyList),
    ...extra,
  });

describe('profile security', () => {
  it('changes the password, saying when the current one is wrong', async () => {
    const bodies: unknown[] = [];
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: profile({
        'POST /api/me/password': async (request) => {
          const body = (await request.json()) as { currentPassword: string };
          bodies.push(body);
          return body.currentPassword === 'right-password'
            ? new Response(null, { status: 204 })
            : json(400, { statusCode: 400, error: 'Bad Request', message: 'wrong', code: 'wrong-password' });
        },
      }),
    });

    await screen.findByTestId('password-current');
    type('password-current', 'bad-password');
    type('password-new-password', 'a-brand-new-passphrase');
    type('password-new-confirm', 'a-brand-new-passphrase');
    fireEvent.click(screen.getByTestId('password-change-submit'));
    expect((await screen.findByTestId('password-change-error')).textContent).toContain(
      'Le mot de passe actuel est incorrect.',
    );
    type('password-current', 'right-password');
    fireEvent.click(screen.getByTestId('password-change-submit'));
    expect((await screen.findByTestId('password-changed')).textContent).toContain('autres appareils');
    expect(bodies).toHaveLength(2);
  });

  it('sets up two-step sign-in with a QR code and shows the recovery codes once', async () => {
    const enable = vi.fn();
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: profile({
        'POST /api/me/2fa/setup': () =>
          json(200, {
            otpauthUrl: 'otpauth://totp/MRE%20Academy:a?secret=JBSWY3DPEHPK3PXP',
            secret: 'JBSWY3DPEHPK3PXP',
          }),
        'POST /api/me/2fa/enable': async (request) => {
          enable(await request.json());
          return json(200, { recoveryCodes: ['aaaaa-bbbbb', 'ccccc-ddddd'] });
        },
        'POST /api/auth/refresh': () => json(200, { accessToken: 'a2', refreshToken: 'r2', user: adminUser }),
      }),
    });

    fireEvent.click(await screen.findByTestId('two-factor-setup'));
    expect((await screen.findByTestId('two-factor-secret')).textContent).toBe('JBSWY3DPEHPK3PXP');
    expect(((await screen.findByTestId('two-factor-qr')) as HTMLImageElement).src).toMatch(
      /^data:image\/png/,
    );
    type('two-factor-enable-code', '123456');
    fireEvent.click(screen.getByTestId('two-factor-enable'));
    const codes = await screen.findByTestId('recovery-codes');
    expect(codes.textContent).toContain('aaaaa-bbbbb');
    expect(enable).toHaveBeenCalledWith({ code: '123456' });
  });
});

describe('two-step sign-in required by the role', () => {
  it('takes the person to their profile, where the setup is, when the API asks for it first', async () => {
    const coordinator = { ...adminUser, role: 'coordinator' as const };
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: profile({
        'GET /api/me': () => json(200, coordinator),
        'GET /api/courses': () =>
          json(403, {
            statusCode: 403,
            error: 'Forbidden',
            message: 'Your role requires two-factor sign-in',
            code: 'two-factor-setup-required',
          }),
        'GET /api/sectors': () => json(200, emptyList),
        'GET /api/networks': () => json(200, emptyList),
      }),
    });

    expect((await screen.findByTestId('two-factor-required')).textContent).toContain(
      'Votre rôle exige la connexion en deux étapes',
    );
    expect(screen.getByTestId('two-factor-setup')).toBeTruthy();
  });
});
