import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '@/core/config/app-config';
import { RedisClient } from './redis.module';

/** As long as an access token lives (AuthModule): older revocations concern only expired tokens. */
const KEEP_SECONDS = 15 * 60;

/**
 * Access tokens that must stop working before they expire: when an account is disabled, or its
 * role, centre or network changes, every token issued to it until then is refused at once, by every
 * API process (after a change of claims, the client's refresh gets a token with the new ones). The revocation is a
 * Redis key (kept as long as a token lives) and a message; each API process keeps the list in
 * memory, fed by the messages and reloaded from the keys whenever its subscription (re)connects,
 * so no request waits on Redis. If Redis is lost with its keys, a revoked token works until it
 * expires (15 minutes at most), as without this list.
 */
@Injectable()
export class AccessRevocations implements OnApplicationShutdown {
  private readonly logger = new Logger(AccessRevocations.name);
  private readonly channel: string;
  /** User id → when their tokens were revoked (ms). */
  private readonly revokedAt = new Map<string, number>();
  private subscriber?: Redis;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.channel = `${config.get('QUEUE_PREFIX')}:revoked`;
  }

  /**
   * Refuses, on every API process, the access tokens issued until now to the user (a user id) or in
   * a refresh family (a family id: one signed-in device). Answers the instant of the revocation:
   * tokens issued after it work.
   */
  async revoke(userId: string): Promise<number> {
    const at = Date.now();
    this.note(userId, at);
    try {
      await this.redis
        .multi()
        .set(`${this.channel}:${userId}`, at, 'EX', KEEP_SECONDS)
        .publish(this.channel, `${userId} ${at}`)
        .exec();
    } catch (error) {
      this.logger.warn(
        `Revocation of ${userId}'s tokens not shared, Redis did not answer: ${(error as Error).message}`,
      );
    }
    return at;
  }

  /** Whether a token of this user issued at `issuedAtMs` was revoked since. */
  isRevoked(userId: string, issuedAtMs: number): boolean {
    const at = this.revokedAt.get(userId);
    if (at === undefined) return false;
    if (at + KEEP_SECONDS * 1000 < Date.now()) {
      this.revokedAt.delete(userId);
      return false;
    }
    return issuedAtMs <= at;
  }

  /** Starts following revocations (the API processes, which check tokens). */
  listen(): void {
    if (this.subscriber) return;
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => {
      const [userId, at] = message.split(' ');
      this.note(userId, Number(at));
    });
    // On every (re)connection: what was revoked while this process was not listening.
    subscriber.on('ready', () => void this.loadAll());
    void subscriber.subscribe(this.channel).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private async loadAll(): Promise<void> {
    try {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.channel}:*`, 'COUNT', 1000);
        cursor = next;
        const values = keys.length > 0 ? await this.redis.mget(...keys) : [];
        keys.forEach(
          (key, i) => values[i] && this.note(key.slice(this.channel.length + 1), Number(values[i])),
        );
      } while (cursor !== '0');
    } catch (error) {
      this.logger.warn(`Revoked tokens not loaded, Redis did not answer: ${(error as Error).message}`);
    }
  }

  private note(userId: string, at: number): void {
    if (at > (this.revokedAt.get(userId) ?? 0)) this.revokedAt.set(userId, at);
  }
}
