import { render } from '@testing-library/react';
import { LocalStorageTokenStore } from '@mre/api-client';
import { App } from '@/app/app';
import { createAppServices } from '@/app/app-services';
import { API_ORIGIN } from './fake-api';
import { TRANSLATIONS } from './translations';

interface RenderAppOptions {
  route: string;
  fetch: (request: Request) => Promise<Response>;
  /** Starts signed in, as after a reload with tokens in localStorage. */
  signedIn?: boolean;
}

/** The whole app as a user meets it, talking to a fake API. */
export function renderApp({ route, fetch, signedIn = false }: RenderAppOptions) {
  if (signedIn)
    new LocalStorageTokenStore(localStorage).set({ accessToken: 'access', refreshToken: 'refresh' });
  window.history.pushState(null, '', route);
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch,
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  return { services, ...render(<App services={services} />) };
}
