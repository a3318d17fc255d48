import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@/core/config/app-config';
import { OutageLog } from './outage-log';
import { RedisClient } from './redis.module';

/** A stamp lives a day; a stamp that expired only costs the holders of copies one reload. */
const STAMP_SECONDS = 24 * 60 * 60;

/**
 * Version stamps shared by every process, for copies of PostgreSQL data kept in memory: a copy is
 * good while its key's stamp is the one it was loaded under. Writers replace the stamp after their
 * change is committed, so that every process sees the change on its next read.
 *
 * Stamps are random, never counters: after Redis restarts empty no old stamp can come back and make
 * an outdated copy look current.
 */
@Injectable()
export class VersionStamps {
  private readonly outages = new OutageLog(VersionStamps.name);
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.prefix = `${config.get('QUEUE_PREFIX')}:stamp:`;
  }

  /**
   * The current stamp, or null when Redis cannot answer (then no copy may be trusted). A key without
   * one (never changed, expired, Redis restarted empty) gets a fresh one; if two processes race to
   * set it, both answer the one that won.
   */
  async read(key: string): Promise<string | null> {
    try {
      const stamp = await this.redis.get(this.prefix + key);
      if (stamp !== null) return stamp;
      const fresh = randomUUID();
      return (await this.redis.set(this.prefix + key, fresh, 'EX', STAMP_SECONDS, 'NX', 'GET')) ?? fresh;
    } catch (error) {
      this.outages.warn('Stamps not read (copies in memory not used)', error);
      return null;
    }
  }

  /** Marks every copy of `key` as outdated. Call it after the change is committed. */
  async bump(key: string): Promise<void> {
    try {
      await this.redis.set(this.prefix + key, randomUUID(), 'EX', STAMP_SECONDS);
    } catch (error) {
      // Copies are also reloaded on a timer, which bounds how long this one stays outdated.
      this.outages.warn(`Stamp of ${key} not replaced`, error);
    }
  }
}
