import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@mre/contracts';
import { useLocalize } from '../../../shared/hooks/use-localize';
import { useCurrentUser } from '../../auth/hooks/use-session';
import type { AppNotification } from '../api/notifications.api';

export interface NotificationText {
  message: string;
  /** Where the notification leads, if anywhere. */
  to?: string;
}

const text = (params: AppNotification['params'], key: string) =>
  typeof params[key] === 'string' ? params[key] : '';

/** Words a notification from its kind and params, with times in the reader's own zone (named). */
export function useNotificationText(): (notification: AppNotification) => NotificationText {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const { timeZone } = useCurrentUser();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const when = (params: AppNotification['params']) => {
    const startsAt = Date.parse(text(params, 'startsAt'));
    return Number.isNaN(startsAt) ? '' : `${format.format(startsAt)} (${timeZone})`;
  };

  return ({ kind, params }) => {
    const title = text(params, 'title');
    const sessionId = text(params, 'sessionId');
    switch (kind) {
      case 'session-reminder':
        return {
          message: t(
            text(params, 'reminder') === '15m'
              ? 'notifications.kinds.reminderSoon'
              : 'notifications.kinds.reminderTomorrow',
            { title, when: when(params) },
          ),
          to: sessionId ? `/sessions/${sessionId}/classroom` : undefined,
        };
      case 'session-rescheduled':
        return {
          message: t('notifications.kinds.rescheduled', { title, when: when(params) }),
          to: '/schedule',
        };
      case 'session-cancelled':
        return { message: t('notifications.kinds.cancelled', { title, when: when(params) }) };
      case 'certificate-issued':
        return {
          message: t('notifications.kinds.certificate', {
            course: localize(params.courseTitle as LocalizedText | undefined),
          }),
          to: '/profile',
        };
    }
  };
}
