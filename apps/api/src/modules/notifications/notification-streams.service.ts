import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { EventSink } from '@/core/http/event-stream';
import { NotificationEvents } from './notification-events';
import { NotificationsService } from './notifications.service';

/**
 * A stream ends after this long and the client opens a new one with its current access token: a
 * token revoked or expired meanwhile stops getting news, and streams spread again over processes.
 */
const STREAM_LIFETIME_MS = 10 * 60_000;

/**
 * The bells' live streams: each says the person's unread count when it opens and again whenever
 * their notifications change, on whichever API process the change was made.
 */
@Injectable()
export class NotificationStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<EventSink>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly events: NotificationEvents,
  ) {}

  async serve(userId: string, sink: EventSink): Promise<void> {
    this.open.add(sink);
    // One count at a time, and one more at most waiting: a burst of news sends the latest count once.
    let sending: Promise<void> = Promise.resolve();
    let waiting = false;
    const push = () => {
      if (waiting) return;
      waiting = true;
      sending = sending.then(async () => {
        waiting = false;
        try {
          sink.send('unread', { unread: await this.notifications.unread(userId) });
        } catch {
          // PostgreSQL did not answer: the next change, or the next stream, says it.
        }
      });
    };
    const stop = await this.events.follow(userId, push);
    push();
    const lifetime = setTimeout(() => sink.end(), STREAM_LIFETIME_MS);
    void sink.closed.then(() => {
      stop();
      clearTimeout(lifetime);
      this.open.delete(sink);
    });
  }

  /** Open streams would hold the server's close: they end, and the clients reconnect elsewhere. */
  beforeApplicationShutdown(): void {
    for (const sink of this.open) sink.end();
  }
}
