import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { pickLocalized, type Locale } from '@mre/contracts';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { icsDocument, icsText, sessionEventLines } from '@/core/calendar/icalendar';
import { AppConfig } from '@/core/config/app-config';
import { RateLimiter } from '@/core/redis/rate-limiter';
import { AuditService } from '@/modules/audit/audit.service';
import { UsersService } from '@/modules/identity/users.service';
import { SessionsService } from '@/modules/live/sessions.service';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { lockFeedOf } from './calendar-feeds.queries';
import { CalendarFeedNotFoundError, TooManyFeedRequestsError } from './calendar.errors';
import type { CalendarFeedDto } from './dto/calendar-feed.dto';
import { FEED_TOKEN_PATTERN, FeedTokenSeal, feedTokenHash, newFeedToken } from './feed-token';

const DAY = 86_400_000;
/** How far back a feed goes: recent classes stay on the calendar, older ones drop off. */
const FEED_HISTORY_DAYS = 60;
/** A bound on one answer (an admin's feed holds every cohort's sessions). */
const FEED_MAX_EVENTS = 2_000;
/**
 * Calendar apps poll a feed every hour or so; a whole centre may sit behind one address. A token
 * asked for more often than this is a script, and an address trying many tokens is guessing.
 */
const FEED_LIMITS = { perToken: 30, perIp: 600, windowSeconds: 600 };

const CALENDAR_NAME: Record<Locale, string> = {
  ar: 'MRE Academy — حصصي',
  fr: 'MRE Academy — mes séances',
  en: 'MRE Academy — my sessions',
};

/**
 * Personal calendar feeds: a secret URL per person that calendar apps subscribe to, listing the
 * sessions of their schedule with their current times. Rotating the URL revokes the old one.
 */
@Injectable()
export class CalendarFeedsService {
  private readonly seal: FeedTokenSeal;

  constructor(
    @InjectRepository(CalendarFeedEntity) private readonly feeds: Repository<CalendarFeedEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {
    this.seal = new FeedTokenSeal(config.jwtSecret);
  }

  /** The person's feed; 404 when they have none. */
  async mine(userId: string): Promise<CalendarFeedDto> {
    const feed = await this.feeds.findOne({ where: { userId } });
    const token = feed ? this.seal.open(feed.tokenSealed) : null;
    // Sealed under a former server secret: the URL cannot be shown, so it is as if there were none.
    if (!feed || !token) throw new CalendarFeedNotFoundError();
    return this.toDto(token, feed.createdAt);
  }

  /** A new feed URL for the person; the one they had, if any, stops working. */
  async rotate(userId: string, ip: string): Promise<CalendarFeedDto> {
    return this.withFeedLocked(userId, async (manager) => {
      const existed = await manager.getRepository(CalendarFeedEntity).exists({ where: { userId } });
      const { token, feed } = await this.replace(userId, manager);
      await this.audit.record(
        [
          {
            actorId: userId,
            action: existed ? 'calendar-feed.rotated' : 'calendar-feed.created',
            entityType: 'user',
            entityId: userId,
            data: { ip },
          },
        ],
        manager,
      );
      return this.toDto(token, feed.createdAt);
    });
  }

  /** Revokes the person's feed; nothing happens when they have none. */
  async revoke(userId: string, ip: string): Promise<void> {
    await this.withFeedLocked(userId, async (manager) => {
      const { affected } = await manager.getRepository(CalendarFeedEntity).delete({ userId });
      if (!affected) return;
      await this.audit.record(
        [
          {
            actorId: userId,
            action: 'calendar-feed.revoked',
            entityType: 'user',
            entityId: userId,
            data: { ip },
          },
        ],
        manager,
      );
    });
  }

  /**
   * The person's feed URL (https), of one cohort's sessions when `cohortId` is given, for links in
   * notices: the feed is created when the person has none yet.
   */
  async feedUrl(userId: string, cohortId?: string): Promise<string> {
    const feed = await this.feeds.findOne({ where: { userId } });
    let token = feed ? this.seal.open(feed.tokenSealed) : null;
    if (!token)
      // Two notices at once must not hand out two tokens, one of which would not work.
      token = await this.withFeedLocked(userId, async (manager) => {
        const current = await manager.getRepository(CalendarFeedEntity).findOne({ where: { userId } });
        const opened = current ? this.seal.open(current.tokenSealed) : null;
        return opened ?? (await this.replace(userId, manager)).token;
      });
    return this.urlOf(token, cohortId);
  }

  /** The iCalendar text of the feed of this token; 404 for an unknown or revoked token. */
  async ics(token: string, ip: string, cohortId?: string, now = new Date()): Promise<string> {
    const wait = await this.limiter.consume([
      { key: `calendar:ip:${ip}`, max: FEED_LIMITS.perIp, windowSeconds: FEED_LIMITS.windowSeconds },
      ...(FEED_TOKEN_PATTERN.test(token)
        ? [
            {
              key: `calendar:token:${feedTokenHash(token)}`,
              max: FEED_LIMITS.perToken,
              windowSeconds: FEED_LIMITS.windowSeconds,
            },
          ]
        : []),
    ]);
    if (wait !== null) throw new TooManyFeedRequestsError(wait);
    if (!FEED_TOKEN_PATTERN.test(token)) throw new CalendarFeedNotFoundError();
    const feed = await this.feeds.findOne({ where: { tokenHash: feedTokenHash(token) } });
    if (!feed) throw new CalendarFeedNotFoundError();
    const person = await this.users.get(feed.userId);
    // A disabled or erased account's link says nothing more.
    if (person.status === 'disabled' || person.erasedAt) throw new CalendarFeedNotFoundError();
    const actor: AuthUser = {
      id: person.id,
      role: person.role,
      centreId: person.centreId ?? null,
      networkId: person.networkId ?? null,
    };
    const rows = await this.sessions.calendarOf(actor, {
      since: new Date(now.getTime() - FEED_HISTORY_DAYS * DAY),
      cohortId,
      limit: FEED_MAX_EVENTS,
    });
    const name = cohortId && rows[0] ? `MRE Academy — ${rows[0].cohortName}` : CALENDAR_NAME[person.locale];
    const context = { publicUrl: this.config.publicUrl, now };
    return icsDocument([
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${icsText(name)}`,
      // Asked for again every hour: a rescheduled class shows its new time the same day.
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      ...rows.flatMap((row) =>
        sessionEventLines(
          {
            sessionId: row.id,
            title: pickLocalized(row.titles, person.locale),
            startsAt: row.startsAt,
            endsAt: row.endsAt,
            sequence: row.icsSequence,
            cancelled: row.status === 'cancelled',
          },
          context,
          [`DESCRIPTION:${icsText(row.cohortName)}`],
        ),
      ),
    ]);
  }

  private withFeedLocked<T>(userId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(...lockFeedOf(userId));
      return work(manager);
    });
  }

  /** A new token for the person in place of the one they had (revoking it), inside `manager`'s transaction. */
  private async replace(
    userId: string,
    manager: EntityManager,
  ): Promise<{ token: string; feed: CalendarFeedEntity }> {
    const repository = manager.getRepository(CalendarFeedEntity);
    const token = newFeedToken();
    await repository.delete({ userId });
    const feed = await repository.save(
      repository.create({ userId, tokenHash: feedTokenHash(token), tokenSealed: this.seal.seal(token) }),
    );
    return { token, feed };
  }

  private urlOf(token: string, cohortId?: string): string {
    const url = `${this.config.publicUrl}/api/calendar/${token}.ics`;
    return cohortId ? `${url}?cohort=${encodeURIComponent(cohortId)}` : url;
  }

  private toDto(token: string, createdAt: Date): CalendarFeedDto {
    const url = this.urlOf(token);
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: createdAt.toISOString() };
  }
}
