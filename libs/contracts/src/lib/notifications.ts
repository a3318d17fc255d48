/** What an in-app notification is about; the web renders each kind from its params. */
export const NOTIFICATION_KINDS = [
  'session-reminder',
  'session-rescheduled',
  'session-cancelled',
  'certificate-issued',
  'time-zone-rules-changed',
  'feedback-request',
  'enrolled',
  'waitlist-promoted',
  'withdrawn',
  'session-created',
  'certificate-revoked',
  'quiz-opened',
  'recording-available',
  'announcement-posted',
  'question-answered',
  'question-waiting',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds only staff are ever told of (a trainee's preferences do not list them). */
export const STAFF_NOTICE_KINDS: readonly NotificationKind[] = ['question-waiting'];

/**
 * How a person gets a kind of notice by e-mail (in-app they always do): at once, in the daily
 * digest, or not at all.
 */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/**
 * What a person gets until they choose: news about their own place, schedule and certificate at
 * once; the rest in the daily digest. A kind missing here (a new one) is e-mailed at once.
 */
export const DEFAULT_EMAIL_MODES: Partial<Record<NotificationKind, EmailMode>> = {
  enrolled: 'immediate',
  'waitlist-promoted': 'immediate',
  withdrawn: 'immediate',
  'session-created': 'immediate',
  'session-rescheduled': 'immediate',
  'session-cancelled': 'immediate',
  'time-zone-rules-changed': 'immediate',
  'certificate-issued': 'immediate',
  'certificate-revoked': 'immediate',
  'quiz-opened': 'immediate',
  'recording-available': 'digest',
};

export const defaultEmailMode = (kind: NotificationKind): EmailMode =>
  DEFAULT_EMAIL_MODES[kind] ?? 'immediate';

/** The local hour (in each person's zone) at which the daily digest goes out. */
export const DIGEST_LOCAL_HOUR = 7;
