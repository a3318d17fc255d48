import type { AppConfig } from '@/core/config/app-config';
import type { WebhookInboxService } from '../webhook-inbox.service';
import { SweepWebhookInboxJob } from './sweep-webhook-inbox.job';

describe('SweepWebhookInboxJob', () => {
  let nudge: jest.Mock;
  let sut: SweepWebhookInboxJob;

  beforeEach(() => {
    jest.useFakeTimers();
    nudge = jest.fn().mockResolvedValue(undefined);
    sut = new SweepWebhookInboxJob(
      { get: () => 15_000 } as unknown as AppConfig,
      { nudge } as unknown as WebhookInboxService,
    );
  });
  afterEach(() => {
    sut.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('nudges the inbox every INBOX_SWEEP_MS once the worker has started', () => {
    sut.onApplicationBootstrap();
    jest.advanceTimersByTime(14_999);
    expect(nudge).not.toHaveBeenCalled();
    jest.advanceTimersByTime(30_001);
    expect(nudge).toHaveBeenCalledTimes(3);
  });

  it('stops when the worker shuts down', () => {
    sut.onApplicationBootstrap();
    sut.onApplicationShutdown();
    jest.advanceTimersByTime(60_000);
    expect(nudge).not.toHaveBeenCalled();
  });
});
