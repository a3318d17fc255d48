import { Injectable } from '@nestjs/common';
import { Limit, RateLimiter } from '../../core/redis/rate-limiter';
import { TooManyLoginAttemptsError } from './identity.errors';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Counts failed sign-ins per account and per IP (in Redis, shared by every API process).
 * Only failures count, so a user who signs in often is never slowed down.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limiter: RateLimiter) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const wait = await this.limiter.exceeded(this.limits(email, ip));
    if (wait !== null) throw new TooManyLoginAttemptsError(wait);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.limiter.record(this.limits(email, ip));
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.limiter.reset(this.limits(email, ip)[0].key);
  }

  private limits(email: string, ip: string): [account: Limit, ip: Limit] {
    return [
      { key: `login-fail:account:${email.trim().toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT, windowSeconds: WINDOW_SECONDS },
      { key: `login-fail:ip:${ip}`, max: MAX_FAILURES_PER_IP, windowSeconds: WINDOW_SECONDS },
    ];
  }
}
