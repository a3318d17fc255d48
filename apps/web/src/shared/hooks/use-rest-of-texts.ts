import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { completeTexts } from '@/i18n/i18n';
import { firstScreenShown } from '@/shared/lib/first-screen';

/** Runs `run` after a second without requests, when the browser is idle; returns its cancellation. */
function afterCalm(run: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle =
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5000 }) : undefined;
    if (idle === undefined) run();
  }, 1000);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/**
 * On a first screen (the sign-in, a trainee's home, schedule, courses): once the page has shown its
 * data, the service worker registers (main.tsx) and the rest of the language downloads, and the next page opens without waiting for it
 * (withAllTexts). Not before: on a slow link it would share the way with what the page shows. A
 * second without requests, because a page asks for some data once other data has answered.
 */
export function useRestOfTextsOnceShown(): void {
  const queries = useQueryClient();
  useEffect(() => {
    let cancel: (() => void) | undefined;
    const watch = () => {
      if (queries.isFetching() > 0) {
        cancel?.();
        cancel = undefined;
      } else
        cancel ??= afterCalm(() => {
          stop();
          firstScreenShown();
          void completeTexts().catch(() => undefined); // a page that needs it tries again
        });
    };
    const stop = queries.getQueryCache().subscribe(watch);
    watch();
    return () => {
      stop();
      cancel?.();
    };
  }, [queries]);
}
