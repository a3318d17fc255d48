import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { defaultEmailMode, type EmailMode, type Locale, type NotificationKind } from '@mre/contracts';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { PageQueryDto, pageWindow } from '@/core/http/pagination';
import { RedisClient } from '@/core/redis/redis.module';
import type { CalendarInvite, MailJob, MailSessionItem } from '@/core/queue/queue-name';
import { QueueName } from '@/core/queue/queue-name';
import type { UserDto } from '@/modules/identity/dto/user.dto';
import { UsersService } from '@/modules/identity/users.service';
import { NotificationDto, NotificationListDto } from './dto/notification.dto';
import { hasMailTemplate } from './mail-templates';
import { mailParams } from './notice-params';
import { NotificationEntity } from './notification.entity';
import { NotificationEvents } from './notification-events';
import { NotificationPreferencesService } from './notification-preferences.service';

/** What the e-mail of a notice carries beyond its params: a link, the sessions it lists, invitations. */
export interface NoticeMail {
  /** Strings for the template beside the notice's own params (e.g. `link`, `calendarUrl`). */
  params?: Record<string, string>;
  /** The sessions it lists, titled in the recipient's language. */
  items?: (locale: Locale) => MailSessionItem[];
  /** One .ics invitation each, titled in the recipient's language. */
  calendars?: (locale: Locale) => CalendarInvite[];
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /**
   * What the bell words it from. The e-mail takes every string and number of them, and a
   * `{ar, fr, en}` text named with an `s` (`titles`, `reasons`) in the recipient's language under
   * the name without it (`title`, `reason`).
   */
  params: Record<string, unknown>;
  /** The e-mail's extras; `false` when the caller e-mails the person itself (reminders). */
  mail?: NoticeMail | false;
  /**
   * Names the news, so that it is e-mailed once per person however often it is told (the
   * default: the kind and its params).
   */
  key?: string;
}

/**
 * THE way every context tells a person something: the in-app row (the bell), and, for a kind that
 * has an e-mail template of its name, the e-mail now, in the daily digest, or none, as the person
 * chose. E-mails are worded in the recipient's language and zone.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
    private readonly preferences: NotificationPreferencesService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly events: NotificationEvents,
    private readonly redis: RedisClient,
  ) {}

  /**
   * Writes with the caller's manager, so that a notification commits with the change it tells of;
   * its e-mail job waits for that commit (the worker sends it once the row is there).
   */
  async add(items: NewNotification[], manager: EntityManager = this.notifications.manager): Promise<void> {
    if (items.length === 0) return;
    const mailed = new Set(items.filter((n) => n.mail !== false && hasMailTemplate(n.kind)));
    const modes = await this.preferences.modesOf(
      [...mailed].map((n) => ({ userId: n.userId, kind: n.kind })),
      manager,
    );
    const rows = items.map((n) => ({
      id: randomUUID(),
      userId: n.userId,
      kind: n.kind,
      params: n.params,
      readAt: null,
      email: mailed.has(n) ? (modes.get(`${n.userId}/${n.kind}`) ?? defaultEmailMode(n.kind)) : null,
      notice: n,
    }));
    await manager.getRepository(NotificationEntity).insert(rows.map(({ notice: _notice, ...row }) => row));
    // Open bells (on any API process) hear of it once the rows are committed.
    await this.events.published(
      items.map((n) => n.userId),
      manager,
    );
    const now = rows.filter((r) => r.email === 'immediate');
    if (now.length === 0) return;
    const people = new Map(
      (await this.users.getMany([...new Set(now.map((r) => r.userId))], manager)).map((p) => [p.id, p]),
    );
    const jobs = now.flatMap((row) => {
      const person = people.get(row.userId);
      if (!person || person.status === 'disabled') return [];
      return [
        {
          name: row.kind,
          data: this.mailOf(row.notice, row.id, person),
          opts: { jobId: mailJobId(row.notice) },
        },
      ];
    });
    // Queued while Redis answers (the shared client knows at once when it does not; the wait bounds
    // a Redis that goes away mid-call).
    if (
      this.redis.status === 'ready' &&
      (await settlesWithin(this.mailQueue.addBulk(jobs), MAIL_QUEUE_WAIT_MS))
    )
      return;
    // Redis does not answer: the change must not wait for it, nor the e-mails be lost. They go with
    // each person's next daily digest; should the queue take jobs late, they find their notices
    // there and stand down (SendMailJob sends only what is still marked immediate).
    this.logger.warn(`Mail queue unreachable: ${now.length} notice e-mail(s) moved to the daily digest`);
    await manager
      .getRepository(NotificationEntity)
      .update({ id: In(now.map((row) => row.id)) }, { email: 'digest' });
  }

  async list(userId: string, query: PageQueryDto): Promise<NotificationListDto> {
    const [[items, total], unread] = await Promise.all([
      this.notifications.findAndCount({
        where: { userId },
        order: { createdAt: 'DESC', id: 'DESC' },
        ...pageWindow(query),
      }),
      this.unread(userId),
    ]);
    return { items: items.map(NotificationDto.from), total, unread };
  }

  /** Marks the given notifications of the user read (all when `ids` is absent); others' ids are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    await this.notifications.update(
      { userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: new Date() },
    );
    // The person's other tabs and devices update their bells too.
    await this.events.published([userId]);
    return this.unread(userId);
  }

  /**
   * How a committed notification is e-mailed (`undefined` until it is committed): its immediate
   * e-mail goes out only then, and only while it is still marked immediate.
   */
  async emailModeOf(id: string): Promise<EmailMode | null | undefined> {
    const row = await this.notifications.findOne({ where: { id }, select: { id: true, email: true } });
    return row ? row.email : undefined;
  }

  private mailOf(notice: NewNotification, notificationId: string, person: UserDto): MailJob {
    const mail = notice.mail || {};
    return {
      to: person.email,
      locale: person.locale,
      template: notice.kind as MailJob['template'],
      params: {
        link: `${this.config.publicUrl}${linkOf(notice)}`,
        ...mailParams(notice.params, person.locale),
        ...mail.params,
        fullName: person.fullName,
        timeZone: person.timeZone,
      },
      items: mail.items?.(person.locale),
      calendars: mail.calendars?.(person.locale),
      notificationId,
    };
  }

  /** How many of the person's notifications are still unread. */
  unread(userId: string): Promise<number> {
    return this.notifications.count({ where: { userId, readAt: IsNull() } });
  }
}

/** How long telling waits for a mail queue that stopped answering before its e-mails go to the daily digest. */
const MAIL_QUEUE_WAIT_MS = 10_000;

/** Whether the promise resolves within `ms` (a rejection or a longer wait answer false). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Where an e-mail's button leads, by kind: the page where the person acts on the news. */
const LINKS: Partial<Record<NotificationKind, string | ((params: Record<string, unknown>) => string)>> = {
  enrolled: '/my-courses',
  'waitlist-promoted': '/my-courses',
  'quiz-opened': '/my-courses',
  'session-created': '/schedule',
  'session-rescheduled': '/schedule',
  'session-cancelled': '/schedule',
  'time-zone-rules-changed': '/schedule',
  'recording-available': '/schedule',
  'certificate-issued': '/profile',
  'certificate-revoked': '/profile',
  'announcement-posted': (params) => `/cohort-board/${String(params.cohortId)}`,
  'question-answered': (params) => `/cohort-board/${String(params.cohortId)}`,
  'question-waiting': (params) => `/cohort-board/${String(params.cohortId)}?tab=questions`,
};

function linkOf(notice: NewNotification): string {
  const link = LINKS[notice.kind] ?? '/';
  return typeof link === 'function' ? link(notice.params) : link;
}

/**
 * The same news for the same person gives the same job id: BullMQ keeps one. A given key stays
 * readable (`session-cancelled-<sessionId>-<sequence>-<userId>`); BullMQ refuses ':' in ids.
 */
function mailJobId(notice: NewNotification): string {
  if (notice.key) return `${notice.key}-${notice.userId}`.replace(/:/g, '_');
  const news = createHash('sha256')
    .update(`${notice.kind}|${JSON.stringify(notice.params)}`)
    .digest('hex');
  return `${notice.kind}-${news}-${notice.userId}`;
}
