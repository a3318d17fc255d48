import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

/** Fills and sends the form once its code has arrived (the page is a lazy chunk of its own). */
async function signIn(email: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-email'), { target: { value: email } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('sign-in page', () => {
  it('says the credentials are wrong on a 401', async () => {
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () =>
          json(401, {
            statusCode: 401,
            error: 'Unauthorized',
            message: 'Invalid e-mail or password',
            code: 'bad-credentials',
          }),
      }),
    });

    await signIn('admin@academy.local', 'wrong password');

    expect((await screen.findByRole('alert')).textContent).toContain(
      'L’e-mail ou le mot de passe est incorrect.',
    );
  });

  it('asks to wait after too many attempts (429), saying how long', async () => {
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () =>
          json(429, {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Too many failed sign-in attempts; try again later',
            code: 'too-many-sign-in-attempts',
            retryAfterSeconds: 840,
            retryAfterMinutes: 14,
            details: { retryAfterSeconds: 840, retryAfterMinutes: 14 },
          }),
      }),
    });

    await signIn('admin@academy.local', 'wrong password');

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Trop de tentatives de connexion échouées. Réessayez dans 14 min.',
    );
  });

  it('opens an expert’s schedule in their language once signed in: they come to teach', async () => {
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () =>
          json(200, {
            accessToken: 'a',
            refreshToken: 'r',
            user: { ...adminUser, role: 'expert', locale: 'en' },
          }),
        'GET /api/sessions': () => json(200, emptyList),
      }),
    });

    await signIn('admin@academy.local', 'correct horse battery');

    await screen.findByRole('heading', { name: 'My schedule' }, { timeout: 5000 });
    expect(window.location.pathname).toBe('/schedule');
    expect(document.documentElement.lang).toBe('en');
  });

  it('opens the catalogue for a coordinator once signed in', async () => {
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () =>
          json(200, {
            accessToken: 'a',
            refreshToken: 'r',
            user: { ...adminUser, role: 'coordinator', locale: 'en' },
          }),
        'GET /api/courses': () => json(200, emptyList),
        'GET /api/sectors': () => json(200, emptyList),
        'GET /api/networks': () => json(200, emptyList),
      }),
    });

    await signIn('admin@academy.local', 'correct horse battery');

    await screen.findByRole('heading', { name: 'Course catalogue' }, { timeout: 5000 });
  });

  it('names the password visibility button in the reader’s language, not in English', async () => {
    renderApp({ route: '/login', fetch: fakeFetch({}) });
    // Out of the Tab order (tabIndex -1), yet read by screen readers.
    const toggle = await screen.findByRole('button', {
      name: 'Afficher ou masquer le mot de passe',
      hidden: true,
    });
    expect(toggle).toBeTruthy();

    fireEvent.click(screen.getByTestId('lang-ar'));
    await screen.findByRole('button', { name: 'إظهار كلمة المرور أو إخفاؤها', hidden: true });
    expect(new XMLSerializer().serializeToString(document.body)).not.toContain('Toggle password visibility');
  });
});
