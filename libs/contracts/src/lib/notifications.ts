/** What an in-app notification is about; the web renders each kind from its params. */
export const NOTIFICATION_KINDS = [
  'session-reminder',
  'session-rescheduled',
  'session-cancelled',
  'certificate-issued',
  'time-zone-rules-changed',
  'feedback-request',
  'announcement-posted',
  'question-answered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
