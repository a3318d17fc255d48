import { cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

describe('language switcher', () => {
  it('switches to Arabic, right to left, and remembers it', async () => {
    renderApp({ route: '/login', fetch: fakeFetch({}) });

    fireEvent.click(screen.getByTestId('lang-ar'));

    await screen.findByRole('heading', { name: 'تسجيل الدخول إلى أكاديمية مغاربة العالم' });
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(screen.getByTestId('lang-ar').getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('mre.locale')).toBe('ar');
  });

  it('goes back to left to right for French', async () => {
    renderApp({ route: '/login', fetch: fakeFetch({}) });
    fireEvent.click(screen.getByTestId('lang-ar'));

    fireEvent.click(screen.getByTestId('lang-fr'));

    await screen.findByRole('heading', { name: 'Connexion à MRE Academy' });
    expect(document.documentElement.getAttribute('dir')).toBe('ltr');
    expect(document.documentElement.getAttribute('lang')).toBe('fr');
  });

  it('opens in the language of the link, then of the browser (ar-MA is Arabic)', async () => {
    renderApp({ route: '/accept-invite?token=abc&lang=ar', fetch: fakeFetch({}) });
    await screen.findByRole('heading', { level: 1 });
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    cleanup();

    Object.defineProperty(navigator, 'languages', { value: ['ar-MA', 'fr'], configurable: true });
    try {
      renderApp({ route: '/login', fetch: fakeFetch({}) });
      await screen.findByRole('heading', { name: 'تسجيل الدخول إلى أكاديمية مغاربة العالم' });
    } finally {
      Object.defineProperty(navigator, 'languages', { value: ['fr-FR', 'fr'], configurable: true });
    }
  });

  it('saves the language chosen in the header on the profile when signed in', async () => {
    const patch = vi.fn((body: unknown) => json(200, { ...adminUser, ...(body as object) }));
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, adminUser),
        'PATCH /api/me': async (request) => patch(await request.json()),
      }),
    });
    await screen.findByTestId('lang-en');

    fireEvent.click(screen.getByTestId('lang-en'));

    await vi.waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0][0]).toEqual({ locale: 'en' });
    expect(document.documentElement.getAttribute('lang')).toBe('en');
  });

  it('keeps the language chosen on the sign-in page after signing in, and saves it on the profile', async () => {
    const expert = { ...adminUser, role: 'expert' as const, locale: 'fr' as const };
    const patch = vi.fn((body: unknown) => json(200, { ...expert, ...(body as object) }));
    renderApp({
      route: '/login',
      fetch: fakeFetch({
        'POST /api/auth/login': () =>
          json(200, {
            accessToken: 'a',
            refreshToken: 'r',
            user: expert,
          }),
        'PATCH /api/me': async (request) => patch(await request.json()),
        'GET /api/sessions': () => json(200, { items: [], total: 0 }),
      }),
    });
    fireEvent.click(screen.getByTestId('lang-ar'));
    fireEvent.change(screen.getByTestId('login-email'), { target: { value: 'expert@academy.test' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'a password' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    // An expert lands on their schedule.
    await screen.findByRole('heading', { name: 'جدولي' }, { timeout: 5000 });
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    await vi.waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0][0]).toEqual({ locale: 'ar' });
  });
});
