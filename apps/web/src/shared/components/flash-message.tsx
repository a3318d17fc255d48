import { useEffect, useSyncExternalStore } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentFlash, dismissFlash, subscribeFlash } from '@/shared/lib/flash';

/** Long enough to be read, short enough not to sit over the page. */
const SHOWN_MS = 5000;

/** The message after a save, at the bottom of the screen, read out by screen readers (role=status). */
export function FlashMessage() {
  const { t } = useTranslation();
  const message = useSyncExternalStore(subscribeFlash, currentFlash);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => dismissFlash(message.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    // Inside each layout's <main>: within a landmark, where screen readers expect content.
    <div
      role="status"
      style={{ position: 'fixed', insetInline: 16, bottom: 16, zIndex: 1000, pointerEvents: 'none' }}
    >
      {message && (
        <Alert
          color="green"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => dismissFlash(message.id)}
          maw={420}
          mx="auto"
          style={{ pointerEvents: 'auto' }}
          data-testid="flash-message"
        >
          {t(message.key)}
        </Alert>
      )}
    </div>
  );
}
