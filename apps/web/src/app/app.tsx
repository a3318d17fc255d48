import { DirectionProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isRtl } from '@mre/contracts';
import { appUpdate } from '@/features/offline/lib/app-update';
import { isLocale } from '@/i18n/i18n';
import { ServicesContext, type AppServices } from '@/shared/api/services.context';
import { AppRoutes } from './app-routes';
import { LocalizedMantine } from './localized-mantine';
import './focus.css';

const UpdatePrompt = lazy(() => import('@/features/offline/components/update-prompt'));

export function App({ services }: { services: AppServices }) {
  const locale = services.i18n.language;
  const applyUpdate = useSyncExternalStore(appUpdate.subscribe, appUpdate.pending);
  return (
    <ServicesContext value={services}>
      <I18nextProvider i18n={services.i18n}>
        {/* Follows the `dir` attribute that i18n sets on <html> when the language changes. */}
        <DirectionProvider initialDirection={isLocale(locale) && isRtl(locale) ? 'rtl' : 'ltr'}>
          <LocalizedMantine>
            <QueryClientProvider client={services.queryClient}>
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
              {applyUpdate && (
                <Suspense>
                  <UpdatePrompt apply={applyUpdate} />
                </Suspense>
              )}
            </QueryClientProvider>
          </LocalizedMantine>
        </DirectionProvider>
      </I18nextProvider>
    </ServicesContext>
  );
}
