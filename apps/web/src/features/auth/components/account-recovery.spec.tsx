import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

const catalogue = {
  'GET /api/courses': () => json(200, emptyList),
  'GET /api/sectors': () => json(200, emptyList),
  'GET /api/networks': () => json(200, emptyList),
};

describe('forgotten password', () => {
  it('goes from the sign-in page to the e-mail form, and says the link is on its way', async () => {
    const asked = vi.fn();
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/forgot-password': async (request) => {
          asked(await request.json());
          return new Response(null, { status: 202 });
        },
      }),
    });

    fireEvent.click(await screen.findByTestId('forgot-password-link'));
    await screen.findByTestId('forgot-password-email');
    type('forgot-password-email', ' amina@example.ma ');
    fireEvent.click(screen.getByTestId('forgot-password-submit'));

    expect((await screen.findByTestId('forgot-password-sent')).textContent).toContain('amina@example.ma');
    expect(asked).toHaveBeenCalledWith({ email: 'amina@example.ma' });
  });

  it('checks the two passwords match before sending, then says why the server refused', async () => {
    const sent = vi.fn();
    renderApp({
      route: '/reset-password?token=abc',
      fetch: fakeFetch({
        'POST /api/auth/reset-password': async (request) => {
          sent(await request.json());
          return json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: 'This password is among the most common ones: choose another',
            code: 'password-too-common',
          });
        },
      }),
    });

    await screen.findByTestId('reset-password');
    type('reset-password', 'qwertyuiop');
    type('reset-confirm', 'qwertyuiox');
    fireEvent.click(screen.getByTestId('reset-password-submit'));
    expect(await screen.findByText('Les deux mots de passe sont différents.')).toBeTruthy();
    expect(sent).not.toHaveBeenCalled();

    type('reset-confirm', 'qwertyuiop');
    fireEvent.click(screen.getByTestId('reset-password-submit'));
    expect((await screen.findByTestId('reset-password-error')).textContent).toContain(
      'Ce mot de passe fait partie des plus courants',
    );
    expect(sent).toHaveBeenCalledWith({ token: 'abc', password: 'qwertyuiop' });
  });

  it('signs in with the new password once the link is accepted', async () => {
    renderApp({
      route: '/reset-password?token=abc',
      fetch: fakeFetch({
        'POST /api/auth/reset-password': () =>
          json(200, { accessToken: 'a', refreshToken: 'r', user: { ...adminUser, locale: 'en' } }),
        ...catalogue,
      }),
    });
    await screen.findByTestId('reset-password');
    type('reset-password', 'a-brand-new-passphrase');
    type('reset-confirm', 'a-brand-new-passphrase');
    fireEvent.click(screen.getByTestId('reset-password-submit'));
    // Signed in: an admin lands on the dashboard.
    await waitFor(() => expect(window.location.pathname).toBe('/admin/dashboard'));
  });
});

describe('two-factor sign-in', () => {
  it('asks for the code when the API answers mfaRequired, then signs in with it', async () => {
    const codes = vi.fn();
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () => json(200, { mfaRequired: true, mfaToken: 'challenge' }),
        'POST /api/auth/login/2fa': async (request) => {
          const body = (await request.json()) as { code: string };
          codes(body);
          return body.code === '123456'
            ? json(200, { accessToken: 'a', refreshToken: 'r', user: { ...adminUser, locale: 'en' } })
            : json(400, {
                statusCode: 400,
                error: 'Bad Request',
                message: 'The code is wrong',
                code: 'two-factor-code-invalid',
              });
        },
        ...catalogue,
      }),
    });

    type('login-email', 'admin@academy.local');
    type('login-password', 'correct horse battery');
    fireEvent.click(screen.getByTestId('login-submit'));
    await screen.findByTestId('two-factor-code');
    type('two-factor-code', '000000');
    fireEvent.click(screen.getByTestId('two-factor-submit'));
    expect((await screen.findByTestId('two-factor-error')).textContent).toContain('Le code est faux');
    type('two-factor-code', ' 123456 ');
    fireEvent.click(screen.getByTestId('two-factor-submit'));
    await waitFor(() => expect(window.location.pathname).toBe('/admin/dashboard'));
    expect(codes).toHaveBeenLastCalledWith({ mfaToken: 'challenge', code: '123456' });
  });
});
