import { Injectable } from '@nestjs/common';
import { pickLocalized, type Locale } from '@mre/contracts';
import type { AuthUser } from '@/core/auth/auth-user';
import { icsDocument, icsText, sessionEventLines } from '@/core/calendar/icalendar';
import { AppConfig } from '@/core/config/app-config';
import { RateLimiter } from '@/core/redis/rate-limiter';
import { UsersService } from '@/modules/identity/users.service';
import { SessionsService } from '@/modules/live/sessions.service';
import { CalendarFeedNotFoundError, TooManyFeedRequestsError } from './calendar.errors';
import { FEED_TOKEN_PATTERN, feedTokenHash } from './feed-token';
import { FeedTokensService } from './feed-tokens.service';

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
 * sessions of their schedule with their current times (the URL's secret: FeedTokensService).
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly tokens: FeedTokensService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

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
    const owner = await this.tokens.ownerOf(token);
    if (!owner) throw new CalendarFeedNotFoundError();
    const person = await this.users.get(owner);
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
}
