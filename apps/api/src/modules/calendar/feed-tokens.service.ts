import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { AuditService } from '@/modules/audit/audit.service';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { lockFeedOf, lockFeedsOf } from './calendar-feeds.queries';
import { CalendarFeedNotFoundError } from './calendar.errors';
import type { CalendarFeedDto } from './dto/calendar-feed.dto';
import { FEED_TOKEN_PATTERN, FeedTokenSeal, feedTokenHash, newFeedToken } from './feed-token';

/**
 * The secret of each person's calendar feed: shown to them, reset or revoked by them, and handed to
 * notices (the enrolled notice links to the cohort's sessions). It reads no sessions, so the
 * contexts that tell of enrollments can use it without depending on the live classes.
 */
@Injectable()
export class FeedTokensService {
  private readonly seal: FeedTokenSeal;

  constructor(
    @InjectRepository(CalendarFeedEntity) private readonly feeds: Repository<CalendarFeedEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
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
  async feedUrl(userId: string, cohortId?: string, manager?: EntityManager): Promise<string> {
    const urls = manager
      ? await this.feedUrls([userId], cohortId, manager)
      : await this.dataSource.transaction((inside) => this.feedUrls([userId], cohortId, inside));
    return urls.get(userId) as string;
  }

  /**
   * `feedUrl` for several people at once, within the caller's transaction (the notice and the feed
   * commit together): a roster change of a whole cohort costs the same few statements as one person.
   */
  async feedUrls(
    userIds: string[],
    cohortId: string | undefined,
    manager: EntityManager,
  ): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const repository = manager.getRepository(CalendarFeedEntity);
    const opened = async () => {
      const tokens = new Map<string, string>();
      for (const feed of await repository.find({ where: { userId: In(userIds) } })) {
        const token = this.seal.open(feed.tokenSealed);
        if (token) tokens.set(feed.userId, token);
      }
      return tokens;
    };
    let tokens = await opened();
    if (tokens.size < userIds.length) {
      // Two notices at once must not hand out two tokens, one of which would not work.
      await manager.query(...lockFeedsOf(userIds.filter((id) => !tokens.has(id))));
      tokens = await opened();
      const missing = userIds.filter((id) => !tokens.has(id));
      if (missing.length > 0) {
        // None yet, or sealed under a former server secret (its URL cannot be shown): a new one.
        await repository.delete({ userId: In(missing) });
        const created = missing.map((userId) => ({ userId, token: newFeedToken() }));
        await repository.insert(
          created.map(({ userId, token }) => ({
            userId,
            tokenHash: feedTokenHash(token),
            tokenSealed: this.seal.seal(token),
          })),
        );
        for (const { userId, token } of created) tokens.set(userId, token);
      }
    }
    return new Map([...tokens].map(([userId, token]) => [userId, this.urlOf(token, cohortId)]));
  }

  /** Whose feed this token opens; null for a token that is unknown, reset or revoked. */
  async ownerOf(token: string): Promise<string | null> {
    if (!FEED_TOKEN_PATTERN.test(token)) return null;
    const feed = await this.feeds.findOne({ where: { tokenHash: feedTokenHash(token) } });
    return feed?.userId ?? null;
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
