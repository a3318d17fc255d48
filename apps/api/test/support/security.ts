import { createHmac } from 'node:crypto';
import { RedisClient } from '@/core/redis/redis.module';
import type { TestApp } from './test-app';

/** The message of the guard's own 401, to tell "no token" apart from a route's own 401 (bad password...). */
export const MISSING_TOKEN = 'A valid access token is required';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so that tests can forge what a library would refuse to make. */
export function forgeJwt(header: object, payload: object, secret: string | null): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

/** Forgets every rate-limit counter of this run (sign-in failures, joins), so that files do not lock each other out. */
export async function clearRateLimits(app: TestApp): Promise<void> {
  const redis = app.app.get(RedisClient);
  const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:rate:*`);
  if (keys.length > 0) await redis.del(...keys);
}
