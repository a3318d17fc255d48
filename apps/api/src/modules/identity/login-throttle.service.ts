import { Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '../../core/redis/redis.module';
import { TooManyLoginAttemptsError } from './identity.errors';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Counts failed sign-ins per account and per IP in Redis (shared by every API process).
 * Only failures count, so a user who signs in often is never slowed down.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(private readonly redis: RedisClient) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const counts = await this.redis.mget(keys.account, keys.ip).catch((error: Error) => {
      // Without Redis we cannot count; sign-in stays available rather than locking everyone out.
      this.logger.warn(`Login throttle unavailable: ${error.message}`);
      return [null, null];
    });
    const [account, byIp] = counts.map((c) => Number(c ?? 0));
    if (account >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
      const ttl = await this.redis.ttl(account >= MAX_FAILURES_PER_ACCOUNT ? keys.account : keys.ip).catch(() => WINDOW_SECONDS);
      throw new TooManyLoginAttemptsError(ttl > 0 ? ttl : WINDOW_SECONDS);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await this.redis
      .multi()
      .incr(keys.account)
      .expire(keys.account, WINDOW_SECONDS, 'NX')
      .incr(keys.ip)
      .expire(keys.ip, WINDOW_SECONDS, 'NX')
      .exec()
      .catch(() => undefined);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.redis.del(this.keys(email, ip).account).catch(() => undefined);
  }

  private keys(email: string, ip: string) {
    const prefix = `${process.env.QUEUE_PREFIX ?? 'mre'}:login-fail`;
    return { account: `${prefix}:account:${email.trim().toLowerCase()}`, ip: `${prefix}:ip:${ip}` };
  }
}
