import { MantineProvider } from '@mantine/core';
import { onlineManager } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '@/app/app-services';
import { API_ORIGIN, fakeFetch } from '@/test/fake-api';
import { TRANSLATIONS } from '@/test/translations';
import { LoadingState } from './query-states';

function renderLoading() {
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch: fakeFetch({}),
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  render(
    <I18nextProvider i18n={services.i18n}>
      <MantineProvider>
        <LoadingState />
      </MantineProvider>
    </I18nextProvider>,
  );
}

describe('loading state', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('turns while online; offline it says the part is not on the device yet instead of turning until the connection returns', () => {
    renderLoading();
    expect(screen.getByTestId('loading-state').textContent).toContain('Chargement…');

    act(() => onlineManager.setOnline(false));
    expect(screen.queryByTestId('loading-state')).toBeNull();
    expect(screen.getByTestId('not-saved-offline').textContent).toBe(
      'Pas encore enregistré sur cet appareil : s’affichera au retour de la connexion.',
    );

    act(() => onlineManager.setOnline(true));
    expect(screen.getByTestId('loading-state')).toBeTruthy();
  });
});
