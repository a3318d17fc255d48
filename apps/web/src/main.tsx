// Mantine's base styles; each component's own stylesheet comes with the chunk that renders it
// (vite.config.mts), and the theme's CSS variables are written by MantineProvider
// (localized-mantine.tsx). All of it in Mantine's cascade layer: the app's own rules (focus.css...)
// win whichever stylesheet arrives last.
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/global.layer.css';
import { onlineManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppServices } from './app/app-services';
import { preloadSignedIn } from './app/signed-in-pages';
import { keepSignedInHint } from './features/auth/lib/signed-in-hint';
import { appUpdate } from './features/offline/lib/app-update';
import { i18nLoaded } from './i18n/i18n';
import { afterFirstScreen } from './shared/lib/first-screen';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const services = createAppServices();
// TanStack Query assumes a connection at start; a page opened offline must not try and fail first.
onlineManager.setOnline(navigator.onLine);
keepSignedInHint(services.tokens);
// What a signed-in person saw last time opens without a connection (and says how old it is). Loaded
// only for someone signed in: the sign-in page has nothing to keep.
const keepQueries = () =>
  import('./shared/api/query-persistence').then(({ keepQueriesIn }) =>
    keepQueriesIn(services.queryClient, localStorage),
  );
if (services.tokens.get()) {
  // Signed in: the page's code downloads while the saved data and the texts are read.
  preloadSignedIn(window.location.pathname);
  await keepQueries();
} else {
  const stopWaiting = services.tokens.subscribe(() => {
    if (!services.tokens.get()) return;
    stopWaiting();
    void keepQueries();
  });
}
// The page shows once its language is there, rather than flashing translation keys.
await i18nLoaded(services.i18n);
createRoot(root).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);

// Once the first screen has shown its data: the service worker keeps the app on the device, and a
// new release announces itself (UpdatePrompt) instead of replacing a running page. Its registration
// and workbox-window would otherwise download while a cold home on a weak link still fetches what
// it shows.
if (import.meta.env.PROD && 'serviceWorker' in navigator) afterFirstScreen(registerServiceWorker);

function registerServiceWorker(): void {
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const updateServiceWorker = registerSW({
      onNeedRefresh: () =>
        appUpdate.announce(() => {
          // Reload once the new version controls the page (the plugin reloads only pages that
          // were already controlled when it registered, not a first visit's).
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
            once: true,
          });
          return updateServiceWorker(true);
        }),
      // A tab left open for days still learns of a release: look again every hour.
      onRegisteredSW: (_url, registration) =>
        registration && setInterval(() => void registration.update(), 3600_000),
    });
  });
}
