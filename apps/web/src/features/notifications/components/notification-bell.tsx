import { intlLocale } from '@mre/contracts';
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  useDirection,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useMarkAllRead, useNotifications, type AppNotification } from '../api/notifications.api';
import { useNotificationStream } from '../hooks/use-notification-stream';
import { useNotificationText } from '../hooks/use-notification-text';

/** The bell in the header: how many notifications are unread, and the newest ones in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  const [opened, popover] = useDisclosure();
  const live = useNotificationStream();
  const notifications = useNotifications(live);
  const unread = notifications.data?.unread ?? 0;

  return (
    // The badge outside the popover: the popover's target gets aria-expanded, which only a button may carry.
    <Indicator
      label={<span data-testid="notifications-unread">{unread}</span>}
      disabled={unread === 0}
      color="red"
      size={18}
      offset={6}
    >
      <Popover
        opened={opened}
        onChange={popover.toggle}
        // Opens towards the page, whichever side of the header the bell sits on.
        position={rtl ? 'bottom-start' : 'bottom-end'}
        // Never wider than a phone's screen, less a margin.
        width="min(360px, calc(100vw - 16px))"
        shadow="md"
        withArrow
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={popover.toggle}
            aria-label={t('notifications.open', { unread })}
            data-testid="notifications-bell"
            data-live={live}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="sm" data-testid="notifications-popover">
          {notifications.isPending ? (
            <LoadingState />
          ) : notifications.isError ? (
            <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
          ) : (
            <NotificationList items={notifications.data.items} unread={unread} onNavigate={popover.close} />
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
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
