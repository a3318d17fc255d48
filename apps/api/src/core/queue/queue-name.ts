import type { Locale } from '@mre/contracts';

/** Every BullMQ queue of the platform. Producers live in the API, processors in the worker. */
export enum QueueName {
  Mail = 'mail',
  EnrollmentImport = 'enrollment-import',
  WebhookInbox = 'webhook-inbox',
}

export type MailTemplate = 'invitation' | 'session-rescheduled' | 'session-cancelled';

/** Payload of a job on the Mail queue: the template renders in the recipient's language. */
export interface MailJob {
  to: string;
  locale: Locale;
  template: MailTemplate;
  params: Record<string, string>;
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
