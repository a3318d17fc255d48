import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { pickLocalized } from '@mre/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { MailTransport } from '@/core/mail/mail-transport';
import { QueueName, ReminderJob } from '@/core/queue/queue-name';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { UsersService } from '@/modules/identity/users.service';
import type { LiveSessionEntity } from '@/modules/live/live-session.entity';
import { SessionsService } from '@/modules/live/sessions.service';
import { icsAttachment, inviteFor } from '../calendar-invite';
import { renderMail } from '../mail-templates';
import { NotificationsService } from '../notifications.service';
import { FEEDBACK_OPEN_MS, RemindersService } from '../reminders.service';

type SendJob = Extract<ReminderJob, { step: 'send' }>;

/**
 * Runs the reminders planned by RemindersService. Each run reads the session again: a job planned
 * for a start that moved, for a cancelled session, or run after the start, sends nothing; the
 * feedback request runs once the session has ended, while its survey is open.
 */
@Processor(QueueName.Reminders, { concurrency: 4 })
export class SendReminderJob extends WorkerHost {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
    private readonly reminders: RemindersService,
    private readonly notifications: NotificationsService,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Answers why nothing was sent, when nothing was. */
  async process(job: Job<ReminderJob>): Promise<string | null> {
    const session = await this.sessions.find(job.data.sessionId);
    if (
      !session ||
      session.status !== 'scheduled' ||
      session.startsAt.getTime() !== Date.parse(job.data.startsAt)
    )
      return 'session moved or cancelled';
    const feedback = job.data.kind === 'feedback';
    if (feedback) {
      if (Date.now() < session.endsAt.getTime()) return 'session not over';
      if (Date.now() >= session.endsAt.getTime() + FEEDBACK_OPEN_MS) return 'feedback closed';
    } else if (Date.now() >= session.startsAt.getTime()) return 'session already started';
    // The survey is for the trainees enrolled for good; reminders go to everyone expected in class.
    const recipients = feedback
      ? await this.access.enrolledIds(session.cohortId)
      : await this.access.attendeeIds(session.cohortId);
    if (job.data.step === 'fan-out') {
      await this.reminders.fanOut(job.data, recipients);
      return null;
    }
    if (!recipients.includes(job.data.userId)) return 'no longer in the cohort';
    return feedback ? this.requestFeedback(job.data, session) : this.send(job.data, session);
  }

  /** The survey request: in the bell and by e-mail, in the trainee's language, once. */
  private async requestFeedback(request: SendJob, session: LiveSessionEntity): Promise<string | null> {
    const [person] = await this.users.getMany([request.userId]);
    if (!person || person.status === 'disabled') return 'no such active user';
    const closesAt = new Date(session.endsAt.getTime() + FEEDBACK_OPEN_MS).toISOString();
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.reminders.claim(request, manager))) return 'already sent';
      await this.notifications.add(
        [
          {
            userId: person.id,
            kind: 'feedback-request',
            params: { sessionId: session.id, title: session.title, closesAt },
            // Sent below, at its hour, inside the claim's transaction.
            mail: false,
          },
        ],
        manager,
      );
      await this.transport.send({
        to: person.email,
        ...renderMail({
          to: person.email,
          locale: person.locale,
          template: 'feedback-request',
          params: {
            fullName: person.fullName,
            title: session.title,
            expiresAt: closesAt,
            timeZone: person.timeZone,
            link: `${this.config.publicUrl}/sessions/${session.id}/feedback`,
          },
        }),
      });
      return null;
    });
  }

  private async send(reminder: SendJob, session: LiveSessionEntity): Promise<string | null> {
    const [person] = await this.users.getMany([reminder.userId]);
    if (!person || person.status === 'disabled') return 'no such active user';
    const publicUrl = this.config.publicUrl;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.reminders.claim(reminder, manager))) return 'already sent';
      const startsAt = session.startsAt.toISOString();
      await this.notifications.add(
        [
          {
            userId: person.id,
            kind: 'session-reminder',
            params: {
              sessionId: session.id,
              title: session.title,
              titles: session.titles,
              startsAt,
              reminder: reminder.kind,
            },
            // Sent below, at its hour, inside the claim's transaction.
            mail: false,
          },
        ],
        manager,
      );
      // Sent inside the transaction: if sending fails, the claim rolls back and a retry sends it.
      await this.transport.send({
        to: person.email,
        ...renderMail({
          to: person.email,
          locale: person.locale,
          template: 'session-reminder',
          params: {
            fullName: person.fullName,
            title: pickLocalized(session.titles, person.locale) || session.title,
            startsAt,
            timeZone: person.timeZone,
            kind: reminder.kind,
            link: `${publicUrl}/sessions/${session.id}/classroom`,
          },
        }),
        attachments: [
          icsAttachment(inviteFor(session, 'REQUEST'), {
            publicUrl,
            organizer: this.config.get('MAIL_FROM'),
            attendee: person.email,
          }),
        ],
      });
      return null;
    });
  }
}
