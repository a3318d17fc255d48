import { Injectable } from '@nestjs/common';
import { Limit, RateLimiter } from '@/core/redis/rate-limiter';
import { TooManyLoginAttemptsError } from './identity.errors';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;
/** Wrong invitation links per address in the window (a right one takes its count back). */
const MAX_INVITATION_FAILURES_PER_IP = 30;

/**
 * Counts failed sign-ins per account and per IP (in Redis, shared by every API process). Each
 * attempt is counted before the password is checked, in the same atomic step as the check, so
 * parallel guesses cannot all slip under the limit; a right password takes its count back, so a
 * user who signs in often is never slowed down.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limiter: RateLimiter) {}

  /** Counts the attempt; 429 when the account or the address has used up its failures. */
  async reserve(email: string, ip: string): Promise<void> {
    const wait = await this.limiter.consume(this.limits(email, ip));
    if (wait !== null) throw new TooManyLoginAttemptsError(wait);
  }

  /** The attempt was right: it was no failure, and the account's failures start again. */
  async succeeded(email: string, ip: string): Promise<void> {
    const [account, address] = this.limits(email, ip);
    await this.limiter.release([address]);
    await this.limiter.reset(account.key);
  }

  /** Counts an attempt to accept an invitation from this address; 429 when too many went wrong. */
  async reserveInvitation(ip: string): Promise<void> {
    const wait = await this.limiter.consume([this.invitationLimit(ip)]);
    if (wait !== null) throw new TooManyLoginAttemptsError(wait);
  }

  async invitationAccepted(ip: string): Promise<void> {
    await this.limiter.release([this.invitationLimit(ip)]);
  }

  private invitationLimit(ip: string): Limit {
    return {
      key: `invite-fail:ip:${ip}`,
      max: MAX_INVITATION_FAILURES_PER_IP,
      windowSeconds: WINDOW_SECONDS,
    };
  }

  private limits(email: string, ip: string): [account: Limit, ip: Limit] {
    return [
      {
        key: `login-fail:account:${email.trim().toLowerCase()}`,
        max: MAX_FAILURES_PER_ACCOUNT,
        windowSeconds: WINDOW_SECONDS,
      },
      { key: `login-fail:ip:${ip}`, max: MAX_FAILURES_PER_IP, windowSeconds: WINDOW_SECONDS },
    ];
  }
}
