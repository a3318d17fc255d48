import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_WAITING_HOURS, type LocalizedText } from '@mre/contracts';
import { ZonedTime } from '@/shared/components/zoned-time';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import type { AppNotification } from '../api/notifications.api';
import { RichText } from '@/shared/components/rich-text';

export interface NotificationText {
  message: ReactNode;
  /** Where the notification leads, if anywhere. */
  to?: string;
}

type Params = AppNotification['params'];

/** How many sessions the notice is about (one when it does not say). */
const count = (params: Params) => (typeof params.sessions === 'number' ? params.sessions : 1);

const text = (params: Params, key: string) => (typeof params[key] === 'string' ? params[key] : '');

/**
 * Words a notification from its kind and params, with times in the reader's own zone, named with
 * its offset: "13 avr. 2026, 00:00 (Casablanca, UTC+1)".
 */
export function useNotificationText(): (notification: AppNotification) => NotificationText {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { timeZone } = useCurrentUser();
  /** The session's title in the reader's language; notices from before titles had languages carry one. */
  const sessionTitle = (params: Params) =>
    (typeof params.titles === 'object' && params.titles !== null
      ? localize(params.titles as LocalizedText)
      : '') || text(params, 'title');
  /** A sentence whose `<when/>` is the session's start, isolated from the words around it. */
  const sentence = (i18nKey: string, params: Params, values: Record<string, unknown> = {}) => {
    const startsAt = text(params, 'startsAt');
    const when = Number.isNaN(Date.parse(startsAt)) ? (
      <></>
    ) : (
      <ZonedTime
        instant={startsAt}
        timeZone={timeZone}
        options={{ dateStyle: 'medium', timeStyle: 'short' }}
      />
    );
    return (
      <RichText i18nKey={i18nKey} values={{ title: sessionTitle(params), ...values }} components={{ when }} />
    );
  };

  /** A text given in several languages, in the reader's. */
  const localized = (params: Params, key: string) =>
    typeof params[key] === 'object' && params[key] !== null ? localize(params[key] as LocalizedText) : '';
  const place = (params: Params) => ({
    cohort: text(params, 'cohortName'),
    course: localized(params, 'courseTitles'),
  });

  return ({ kind, params }) => {
    const sessionId = text(params, 'sessionId');
    switch (kind) {
      case 'session-reminder':
        return {
          message: sentence(
            text(params, 'reminder') === '15m'
              ? 'notifications.kinds.reminderSoon'
              : 'notifications.kinds.reminderTomorrow',
            params,
          ),
          to: sessionId ? `/sessions/${sessionId}/classroom` : undefined,
        };
      case 'session-rescheduled':
        return {
          message:
            count(params) > 1
              ? sentence('notifications.kinds.rescheduledSeries', params, { count: count(params) })
              : sentence('notifications.kinds.rescheduled', params),
          to: '/schedule',
        };
      case 'session-cancelled': {
        const reason =
          typeof params.reasons === 'object' && params.reasons !== null
            ? localize(params.reasons as LocalizedText)
            : '';
        return {
          message: (
            <>
              {count(params) > 1
                ? sentence('notifications.kinds.cancelledSeries', params, { count: count(params) })
                : sentence('notifications.kinds.cancelled', params)}
              {reason && (
                <>
                  {' '}
                  <bdi dir="auto" data-testid="notification-reason">
                    {t('notifications.kinds.reason', { reason })}
                  </bdi>
                </>
              )}
            </>
          ),
          to: '/schedule',
        };
      }
      case 'time-zone-rules-changed':
        return {
          message: sentence('notifications.kinds.timeZoneRulesChanged', params, {
            count: typeof params.sessions === 'number' ? params.sessions : 1,
          }),
          to: '/schedule',
        };
      case 'feedback-request':
        return {
          message: t('notifications.kinds.feedbackRequest', { title: sessionTitle(params) }),
          to: sessionId ? `/sessions/${sessionId}/feedback` : undefined,
        };
      case 'announcement-posted':
        return {
          message: t('board.notices.announcement', { title: text(params, 'title') }),
          to: `/cohort-board/${text(params, 'cohortId')}`,
        };
      case 'question-answered':
        return {
          message: t('board.notices.answered', { question: text(params, 'question') }),
          to: `/cohort-board/${text(params, 'cohortId')}?tab=questions`,
        };
      case 'question-waiting':
        return {
          message: t('board.notices.waiting', {
            cohort: text(params, 'cohortName'),
            question: text(params, 'question'),
            hours: QUESTION_WAITING_HOURS,
          }),
          to: `/cohort-board/${text(params, 'cohortId')}?tab=questions`,
        };
      case 'certificate-issued':
        return {
          message: t('notifications.kinds.certificate', {
            course: localize(params.courseTitle as LocalizedText | undefined),
          }),
          to: '/profile',
        };
      case 'certificate-revoked':
        return {
          message: t('notices.bell.certificateRevoked', { course: localized(params, 'courseTitle') }),
          to: '/profile',
        };
      case 'enrolled':
        return { message: t('notices.bell.enrolled', place(params)), to: '/my-courses' };
      case 'waitlist-promoted':
        return { message: t('notices.bell.waitlistPromoted', place(params)), to: '/my-courses' };
      case 'withdrawn':
        return { message: t('notices.bell.withdrawn', place(params)) };
      case 'session-created':
        return {
          message: sentence('notices.bell.sessionCreated', params, { count: count(params) }),
          to: '/schedule',
        };
      case 'quiz-opened':
        return {
          message: t('notices.bell.quizOpened', {
            quiz: localized(params, 'quizTitles'),
            cohort: text(params, 'cohortName'),
          }),
          to: '/my-courses',
        };
      case 'recording-available':
        return {
          message: t('notices.bell.recordingAvailable', { title: sessionTitle(params) }),
          to: '/schedule',
        };
    }
  };
}
