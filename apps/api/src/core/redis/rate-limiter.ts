import { Injectable } from '@nestjs/common';
import { AppConfig } from '@/core/config/app-config';
import { OutageLog } from './outage-log';
import { RedisClient } from './redis.module';

/** At most `max` hits on `key` in a fixed window of `windowSeconds` that starts at the key's first hit. */
export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Adds one hit to each key, in order, and answers per key the count in its window and the seconds
 * it has left. Once a key is over its limit the request is refused, so the keys after it are not
 * counted (a person past their own limit must not use up their address's budget for everyone
 * behind it). ARGV: the windows, then the limits.
 */
const HIT = `
local out = {}
local refused = false
local n = #KEYS
for i, key in ipairs(KEYS) do
  local count = 0
  local ttl = 0
  if not refused then
    count = redis.call('INCR', key)
    ttl = redis.call('TTL', key)
    if ttl < 0 then
      redis.call('EXPIRE', key, ARGV[i])
      ttl = tonumber(ARGV[i])
    end
    refused = count > tonumber(ARGV[n + i])
  end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
return out`;

interface ScriptCommands {
  rateLimitHit(numberOfKeys: number, ...keysThenWindows: (string | number)[]): Promise<number[]>;
}

interface WindowCount {
  count: number;
  resetInSeconds: number;
}

/**
 * Fixed-window counters in Redis, so that every API process counts against the same limits.
 * When Redis cannot answer, nothing is limited: an outage of the counters must not lock people
 * out of signing in or joining a class.
 */
@Injectable()
export class RateLimiter {
  private readonly outages = new OutageLog(RateLimiter.name);
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.prefix = `${config.get('QUEUE_PREFIX')}:rate:`;
    // Sent as EVALSHA: EVAL would send the script and make Redis hash it again on every join.
    redis.defineCommand('rateLimitHit', { lua: HIT });
  }

  /**
   * Counts this hit, atomically with the check: the seconds to wait when it goes over one of the
   * limits, else null. Keys after the first refusing one are not counted.
   */
  async consume(limits: Limit[]): Promise<number | null> {
    const counts = await this.hit(limits);
    return this.waitFor(limits, counts, (count, max) => count > max);
  }

  /** Takes back a hit that `consume` admitted (a sign-in attempt that turned out right). */
  async release(limits: Limit[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const limit of limits) pipeline.decr(this.prefix + limit.key);
    await pipeline.exec().catch((error: Error) => this.unavailable(error));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key).catch((error: Error) => this.unavailable(error));
  }

  private async hit(limits: Limit[]): Promise<WindowCount[]> {
    try {
      const keys = limits.map((l) => this.prefix + l.key);
      const raw = await (this.redis as unknown as ScriptCommands).rateLimitHit(
        keys.length,
        ...keys,
        ...limits.map((l) => l.windowSeconds),
        ...limits.map((l) => l.max),
      );
      return limits.map((_, i) => ({ count: raw[2 * i], resetInSeconds: raw[2 * i + 1] }));
    } catch (error) {
      this.unavailable(error as Error);
      return limits.map(() => ({ count: 0, resetInSeconds: 0 }));
    }
  }

  private waitFor(
    limits: Limit[],
    counts: WindowCount[],
    over: (count: number, max: number) => boolean,
  ): number | null {
    const waits = limits.flatMap((limit, i) =>
      over(counts[i].count, limit.max)
        ? [counts[i].resetInSeconds > 0 ? counts[i].resetInSeconds : limit.windowSeconds]
        : [],
    );
    return waits.length > 0 ? Math.max(...waits) : null;
  }

  private unavailable(error: Error): void {
    this.outages.warn('Rate limits not applied', error);
  }
}
