import type { Locale } from '@mre/contracts';

/** Every BullMQ queue of the platform. Producers live in the API, processors in the worker. */
export enum QueueName {
  Mail = 'mail',
  EnrollmentImport = 'enrollment-import',
  WebhookInbox = 'webhook-inbox',
  Reminders = 'reminders',
  CertificateIssue = 'certificate-issue',
  SessionAnchoring = 'session-anchoring',
  RecordingRetention = 'recording-retention',
  Retention = 'retention',
  NoticeDigest = 'notice-digest',
  QuizWindows = 'quiz-windows',
  BoardWaiting = 'board-waiting',
}

export type MailTemplate =
  | 'invitation'
  | 'password-reset'
  | 'session-rescheduled'
  | 'session-cancelled'
  | 'session-reminder'
  | 'time-zone-rules-changed'
  | 'feedback-request'
  | 'enrolled'
  | 'waitlist-promoted'
  | 'withdrawn'
  | 'session-created'
  | 'certificate-issued'
  | 'certificate-revoked'
  | 'quiz-opened'
  | 'recording-available'
  | 'digest'
  | 'announcement-posted'
  | 'question-answered'
  | 'question-waiting';

/** A session as a calendar invitation (.ics) attached to an e-mail; CANCEL withdraws it. */
export interface CalendarInvite {
  method: 'REQUEST' | 'CANCEL';
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Grows with each change of the session, so calendars apply the latest. */
  sequence: number;
}

export interface MailSessionItem {
  title: string;
  startsAt: string;
  timeZone: string;
}

/** Payload of a job on the Mail queue: the template renders in the recipient's language. */
export interface MailJob {
  to: string;
  locale: Locale;
  template: MailTemplate;
  params: Record<string, string>;
  /** Sessions the e-mail lists, each shown in the recipient's zone and at its own wall clock. */
  items?: MailSessionItem[];
  /** One .ics attachment each. */
  calendars?: CalendarInvite[];
  /** Sent only once this invitation is committed, and not if it was used meanwhile. */
  invitationId?: string;
  /** Sent only once this in-app notification (the same news) is committed. */
  notificationId?: string;
  /** The notices a daily digest lists, each worded by its own template (its subject line). */
  digest?: DigestEntry[];
}

/** One notice of a digest: its kind's template, its params already in the recipient's language. */
export interface DigestEntry {
  template: MailTemplate;
  params: Record<string, string>;
}

/** Payload of the hourly job on the NoticeDigest queue: `at` (ISO) the instant to send for, else now. */
export interface NoticeDigestJob {
  at?: string;
}

/** Payload of a delayed job on the QuizWindows queue: tells the cohort that the quiz opened, if it still opens then. */
export interface QuizOpenedJob {
  cohortId: string;
  quizId: string;
  opensAt: string;
}

/**
 * Payload of a job on the EnrollmentImport queue. The CSV itself stays in PostgreSQL (import_jobs):
 * a 5 MB file does not belong in Redis, and any worker can resume the import from that row.
 */
export interface EnrollmentImportJob {
  importId: string;
}

/** A nudge to process the LiveKit webhook inbox; the rows themselves stay in PostgreSQL. */
export type WebhookInboxJob = Record<string, never>;

/** `feedback`: the survey request sent when the session has ended (see FEEDBACK_OPEN_DAYS). */
export type ReminderKind = '24h' | '15m' | 'feedback';

/**
 * Payload of a job on the Reminders queue. A delayed `fan-out` job per session and kind (24 h, 15 min) reads
 * who attends when it runs (so later enrollments get reminded too) and queues one `send` job each.
 * `startsAt` is the start the reminder was planned for: a job planned for an older time sends nothing.
 */
export type ReminderJob =
  | { step: 'fan-out'; sessionId: string; kind: ReminderKind; startsAt: string }
  | { step: 'send'; sessionId: string; kind: ReminderKind; startsAt: string; userId: string };

/** Payload of a job on the CertificateIssue queue; the job's id is what GET /jobs/:jobId follows. */
export interface CertificateIssueJob {
  cohortId: string;
  requestedBy: string;
}

/** What a CertificateIssue job answers once completed. */
export interface CertificateIssueResult {
  issued: number;
  alreadyIssued: number;
  notEligible: number;
  heldSessions: number;
  /** The cohort requires a passed final quiz but has no `final` quiz opened for it: nobody is eligible. */
  finalQuizMissing: boolean;
}

/** Payload of a job on the SessionAnchoring queue: the tz data version the sessions are to be anchored with. */
export interface SessionAnchoringJob {
  tzVersion: string;
}

/** What a SessionAnchoring job answers once completed. */
export interface SessionAnchoringResult {
  tzVersion: string;
  sessionsMoved: number;
  cohortsMoved: number;
  /** Cohorts whose moved sessions would overlap: left as they were, and retried at the next start. */
  cohortsFailed: string[];
}

/** Payload of the daily job on the RecordingRetention queue: it reads what is due when it runs. */
export type RecordingRetentionJob = Record<string, never>;
/** Payload of the daily job on the Retention queue: it reads its periods from the configuration. */
export type RetentionJob = Record<string, never>;

/** What a Retention job answers: rows deleted. */
export interface RetentionResult {
  auditEntries: number;
  webhookEvents: number;
}
