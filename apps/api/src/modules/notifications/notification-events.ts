import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { RedisClient } from '@/core/redis/redis.module';

type Listener = () => void;

/** How long a stream waits for this process's subscription before opening all the same. */
const SUBSCRIBE_WAIT_MS = 2_000;

/**
 * "These people's notifications changed", told to every API process through Redis pub/sub, so that
 * a bell open on any of them updates at once. Any process publishes (the worker too: reminders);
 * an API process subscribes, once, when it serves its first stream. News written inside a
 * transaction goes out when it commits: before, a process would count what it cannot see yet.
 * Lost news (Redis down) only delays the bell until its next poll.
 */
@Injectable()
export class NotificationEvents implements OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger(NotificationEvents.name);
  private readonly channel: string;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Recipients of news written in a transaction still open, by its query runner. */
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();
  private subscriber?: Redis;
  private subscribed?: Promise<unknown>;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
    dataSource: DataSource,
  ) {
    this.channel = `${config.get('QUEUE_PREFIX')}:notifications`;
    dataSource.subscribers.push(this);
  }

  /** The people's notifications changed (written with `manager`, if given): their bells update. */
  async published(userIds: string[], manager?: EntityManager): Promise<void> {
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      const waiting = this.pending.get(runner) ?? new Set<string>();
      for (const id of userIds) waiting.add(id);
      this.pending.set(runner, waiting);
      return;
    }
    await this.publish(userIds);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A savepoint released inside the transaction is not its commit.
    if (event.queryRunner.isTransactionActive) return;
    const waiting = this.pending.get(event.queryRunner);
    if (!waiting) return;
    this.pending.delete(event.queryRunner);
    await this.publish([...waiting]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /**
   * Calls `listener` whenever the user's notifications change, on any process; answers, once this
   * process's subscription is in place (or Redis failed to take it), how to stop.
   */
  async follow(userId: string, listener: Listener): Promise<() => void> {
    const subscribed = this.listen();
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    // Without Redis the stream still opens (and says the count); the bell polls meanwhile.
    await Promise.race([
      subscribed,
      new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref()),
    ]);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private async publish(userIds: string[]): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    try {
      await this.redis.publish(this.channel, JSON.stringify(unique));
    } catch (error) {
      this.logger.warn(
        `Bells not told of new notifications, Redis did not answer: ${(error as Error).message}`,
      );
    }
  }

  /** One subscriber connection per process, for every stream it serves. */
  private listen(): Promise<unknown> {
    if (this.subscribed) return this.subscribed;
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, message: string) => this.deliver(message));
    this.subscribed = subscriber.subscribe(this.channel).catch(() => undefined);
    return this.subscribed;
  }

  private deliver(message: string): void {
    let userIds: unknown;
    try {
      userIds = JSON.parse(message);
    } catch {
      return;
    }
    if (!Array.isArray(userIds)) return;
    for (const id of userIds) for (const listener of this.listeners.get(String(id)) ?? []) listener();
  }
}
