import { ActionIcon, Indicator, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../api/notifications.api';
import { useNotificationStream } from '../hooks/use-notification-stream';

const loadPopover = () => import('./notifications-popover');
const NotificationsPopover = lazy(loadPopover);

/**
 * The bell in the header: how many notifications are unread, and the newest ones in a popover. The
 * button and its count are in the frame's first render; the popover's code (positioning, focus
 * trap, scroll area, the list) comes when the bell is first opened (asked for as soon as the
 * pointer or the focus reaches the bell), with a small loader in the bell meanwhile.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const id = useId();
  const [opened, popover] = useDisclosure();
  // The bell's element once rendered, and whether the popover has ever been asked for.
  const [bell, setBell] = useState<HTMLButtonElement | null>(null);
  const [wanted, setWanted] = useState(false);
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);
  // Told of new notices as they come (polled rarely meanwhile); polled when the stream is down.
  const live = useNotificationStream();
  const notifications = useNotifications(live);
  const unread = notifications.data?.unread ?? 0;
  const prefetch = () => void loadPopover().catch(() => undefined);

  return (
    <>
      {/* The badge outside the popover: the popover's target gets aria-expanded, which only a button may carry. */}
      <Indicator
        label={<span data-testid="notifications-unread">{unread}</span>}
        disabled={unread === 0}
        color="red"
        size={18}
        offset={6}
      >
        <ActionIcon
          ref={setBell}
          id={id}
          variant="subtle"
          size="lg"
          onClick={() => {
            setWanted(true);
            popover.toggle();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && opened) popover.close();
          }}
          onPointerEnter={prefetch}
          onFocus={prefetch}
          aria-label={t('notifications.open', { unread })}
          aria-haspopup="dialog"
          aria-expanded={opened}
          aria-controls={opened && ready ? `${id}-dropdown` : undefined}
          aria-busy={opened && !ready}
          data-testid="notifications-bell"
          data-live={live}
        >
          {opened && !ready ? <Loader size={16} /> : <BellIcon />}
        </ActionIcon>
      </Indicator>
      {wanted && bell && (
        <Suspense>
          <NotificationsPopover
            bell={bell}
            id={id}
            live={live}
            opened={opened}
            onClose={popover.close}
            onReady={onReady}
          />
        </Suspense>
      )}
    </>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
