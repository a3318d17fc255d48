import { intlLocale } from '@mre/contracts';
import {
  Box,
  Button,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  useDirection,
} from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useMarkAllRead, useNotifications, type AppNotification } from '../api/notifications.api';
import { useNotificationText } from '../hooks/use-notification-text';

interface NotificationsPopoverProps {
  /** The bell, rendered by NotificationBell (in the frame's first render, before this code arrives). */
  bell: HTMLButtonElement;
  /** The id the bell carries: the dropdown is `${id}-dropdown`, labelled by the bell. */
  id: string;
  opened: boolean;
  /** Whether the bell's live stream is up (the list then polls rarely). */
  live: boolean;
  onClose: () => void;
  /** Called once this code has arrived and the popover is attached to the bell. */
  onReady: () => void;
}

/**
 * The bell's list, in a chunk of its own (the popover's positioning, scroll area, focus trap and the
 * list): downloaded when the bell is first opened, not with every signed-in page. It attaches to
 * the bell already on the page instead of rendering it again, so the button keeps its place, its
 * focus and its unread count while this code arrives.
 */
export default function NotificationsPopover({
  bell,
  id,
  opened,
  live,
  onClose,
  onReady,
}: NotificationsPopoverProps) {
  const rtl = useDirection().dir === 'rtl';
  const notifications = useNotifications(live);
  const unread = notifications.data?.unread ?? 0;
  const dropdown = useRef<HTMLDivElement>(null);
  useEffect(onReady, [onReady]);

  // Closed by Escape or a click on nothing in particular: the focus goes back to the bell (Mantine's
  // own focus return misses a popover mounted opened), unless the person moved it elsewhere.
  const close = () => {
    const focused = document.activeElement;
    if (!focused || focused === document.body || dropdown.current?.contains(focused)) bell.focus();
    onClose();
  };
  // Mantine hears Escape only inside the list; when the list re-renders under the focus (a new
  // notice, the unread count) the focus falls to the page, and Escape must still close it.
  useEffect(() => {
    if (!opened) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.activeElement === document.body) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <Popover
      id={id}
      opened={opened}
      onChange={(open) => {
        if (!open) close();
      }}
      // Opens towards the page, whichever side of the header the bell sits on.
      position={rtl ? 'bottom-start' : 'bottom-end'}
      // As wide as a phone leaves room for (360 px at most), never past the screen's edge.
      width="min(22.5rem, calc(100vw - 1rem))"
      shadow="md"
      withArrow
      // A dialog: the keyboard goes into the list when it opens, Escape closes it and the focus
      // goes back to the bell (above).
      trapFocus
    >
      <Popover.Target>
        <AttachTo element={bell} />
      </Popover.Target>
      <Popover.Dropdown ref={dropdown} p="sm" data-testid="notifications-popover">
        {/* Where the focus goes on opening, whatever the list's state (loading, error, items). */}
        <Box tabIndex={-1} data-autofocus>
          {notifications.isPending ? (
            <LoadingState />
          ) : notifications.isError ? (
            <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
          ) : (
            <NotificationList items={notifications.data.items} unread={unread} onNavigate={onClose} />
          )}
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * Popover.Target's child: hands the popover the bell that is already on the page (for positioning
 * and to tell clicks outside from clicks on it) and renders nothing. The bell sets its own ARIA
 * state (aria-expanded, aria-controls, its id).
 */
function AttachTo({ element, ref }: { element: HTMLElement; ref?: React.Ref<HTMLElement> }) {
  useEffect(() => {
    if (typeof ref === 'function') {
      ref(element);
      return () => void ref(null);
    }
    if (ref) ref.current = element;
    return undefined;
  }, [element, ref]);
  return null;
}

interface NotificationListProps {
  items: AppNotification[];
  unread: number;
  onNavigate: () => void;
}

function NotificationList({ items, unread, onNavigate }: NotificationListProps) {
  const { t } = useTranslation();
  const markAllRead = useMarkAllRead();
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('notifications.title')}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={unread === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
          data-testid="notifications-mark-read"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {markAllRead.error != null && <ErrorAlert error={markAllRead.error} />}
      {items.length === 0 ? (
        <EmptyResult title={t('notifications.empty')} />
      ) : (
        <ScrollArea.Autosize mah={400}>
          <Stack gap={4}>
            {items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onNavigate={onNavigate} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function NotificationItem({
  notification,
  onNavigate,
}: {
  notification: AppNotification;
  onNavigate: () => void;
}) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const { timeZone } = useCurrentUser();
  const { message, to } = useNotificationText()(notification);
  const unread = notification.readAt === null;
  const received = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(notification.createdAt));
  const open = () => {
    if (!to) return;
    onNavigate();
    void navigate(to);
  };

  return (
    <UnstyledButton
      onClick={open}
      disabled={!to}
      p="xs"
      bg={unread ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)', cursor: to ? 'pointer' : 'default' }}
      data-testid="notification-item"
      data-unread={unread}
    >
      <Text size="sm" fw={unread ? 600 : 400}>
        {message}
      </Text>
      <Text size="xs" c="dimmed">
        {received}
      </Text>
    </UnstyledButton>
  );
}
