import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  defaultEmailMode,
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  STAFF_NOTICE_KINDS,
  type EmailMode,
  type NotificationKind,
} from '@mre/contracts';
import { EntityManager, Repository } from 'typeorm';
import type { Role } from '@mre/contracts';
import {
  NotificationPreferenceListDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preference.dto';
import { hasMailTemplate } from './mail-templates';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { EmailModeUnknownError, NotificationKindUnknownError } from './notifications.errors';

/** Kinds whose e-mail their own job sends at its hour (a reminder cannot wait for a digest). */
const SENT_BY_THEIR_JOB: readonly NotificationKind[] = ['session-reminder', 'feedback-request'];

/** The order a person reads them in: their place, their sessions, their work, their certificate. */
const READING_ORDER: readonly NotificationKind[] = [
  'enrolled',
  'waitlist-promoted',
  'withdrawn',
  'session-created',
  'session-rescheduled',
  'session-cancelled',
  'time-zone-rules-changed',
  'quiz-opened',
  'recording-available',
  'certificate-issued',
  'certificate-revoked',
];
const rank = (kind: NotificationKind) => {
  const at = READING_ORDER.indexOf(kind);
  return at < 0 ? READING_ORDER.length : at;
};

/** The kinds a person chooses for: every kind with an e-mail template of its name (new ones last). */
export const CHOOSABLE_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(
  (kind) => hasMailTemplate(kind) && !SENT_BY_THEIR_JOB.includes(kind),
).sort((a, b) => rank(a) - rank(b));

/** What a person of that role chooses for: trainees are never told of what only staff hear of. */
const choosableBy = (role: Role): readonly NotificationKind[] =>
  role === 'trainee' ? CHOOSABLE_KINDS.filter((kind) => !STAFF_NOTICE_KINDS.includes(kind)) : CHOOSABLE_KINDS;

/** Per person and kind: e-mail at once, in the daily digest, or not at all (in-app always). */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectRepository(NotificationPreferenceEntity)
    private readonly preferences: Repository<NotificationPreferenceEntity>,
  ) {}

  async list(userId: string, role: Role): Promise<NotificationPreferenceListDto> {
    const chosen = new Map(
      (await this.preferences.find({ where: { userId } })).map((p) => [p.kind, p.email]),
    );
    return {
      items: choosableBy(role).map((kind) => ({
        kind,
        email: chosen.get(kind) ?? defaultEmailMode(kind),
        isDefault: !chosen.has(kind),
      })),
    };
  }

  async update(
    userId: string,
    role: Role,
    dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferenceListDto> {
    const choosable = choosableBy(role);
    for (const { kind, email } of dto.items) {
      if (!choosable.includes(kind as NotificationKind))
        throw new NotificationKindUnknownError(kind, choosable);
      if (!EMAIL_MODES.includes(email as EmailMode)) throw new EmailModeUnknownError(email, EMAIL_MODES);
    }
    await this.preferences.upsert(
      dto.items.map(({ kind, email }) => ({
        userId,
        kind: kind as NotificationKind,
        email: email as EmailMode,
      })),
      ['userId', 'kind'],
    );
    return this.list(userId, role);
  }

  /** The modes chosen for these (person, kind) pairs, keyed `userId/kind`; absent: the default applies. */
  async modesOf(
    pairs: { userId: string; kind: NotificationKind }[],
    manager: EntityManager,
  ): Promise<Map<string, EmailMode>> {
    if (pairs.length === 0) return new Map();
    const rows = await manager
      .getRepository(NotificationPreferenceEntity)
      .createQueryBuilder('p')
      .where('p.user_id = ANY(:userIds) AND p.kind = ANY(:kinds)', {
        userIds: [...new Set(pairs.map((p) => p.userId))],
        kinds: [...new Set(pairs.map((p) => p.kind))],
      })
      .getMany();
    return new Map(rows.map((r) => [`${r.userId}/${r.kind}`, r.email]));
  }
}
