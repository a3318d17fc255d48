import type { Locale } from '@mre/contracts';

/** Every BullMQ queue of the platform. Producers live in the API, processors in the worker. */
export enum QueueName {
  Mail = 'mail',
}

export type MailTemplate = 'invitation';

/** Payload of a job on the Mail queue: the template renders in the recipient's language. */
export interface MailJob {
  to: string;
  locale: Locale;
  template: MailTemplate;
  params: Record<string, string>;
}
