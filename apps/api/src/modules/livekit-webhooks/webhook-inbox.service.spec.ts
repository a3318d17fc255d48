import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Repository } from 'typeorm';
import type { LiveKitGateway } from '@/core/livekit/livekit-gateway';
import type { WebhookInboxJob } from '@/core/queue/queue-name';
import type { WebhookEventEntity } from './webhook-event.entity';
import { WebhookInboxService } from './webhook-inbox.service';

describe('WebhookInboxService.nudge', () => {
  const start = Date.parse('2026-11-29T09:00:00.300Z');
  let add: jest.Mock;
  let sut: WebhookInboxService;

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    add = jest.fn().mockResolvedValue(undefined);
    sut = new WebhookInboxService(
      {} as Repository<WebhookEventEntity>,
      { add } as unknown as Queue<WebhookInboxJob>,
      {} as LiveKitGateway,
    );
  });
  afterEach(() => jest.useRealTimers());

  it('queues one job per second, named after that second, to run once the second is over', async () => {
    await sut.nudge();
    jest.setSystemTime(start + 600);
    await sut.nudge();
    expect(add).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledWith(
      'process',
      {},
      {
        jobId: `inbox-${Math.floor(start / 1000)}`,
        delay: 900,
        removeOnComplete: true,
        removeOnFail: 100,
      },
    );

    jest.setSystemTime(start + 1000);
    await sut.nudge();
    expect(add).toHaveBeenCalledTimes(2);
    expect(add.mock.calls[1][2]).toMatchObject({ jobId: `inbox-${Math.floor(start / 1000) + 1}` });
  });

  it('does not fail when the queue is unavailable: the event is stored, and the sweeper nudges again', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    add.mockRejectedValue(new Error('Connection is closed'));
    await expect(sut.nudge()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the sweeper will process it'));
    warn.mockRestore();
  });
});
