import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/test/fake-api';
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
});
