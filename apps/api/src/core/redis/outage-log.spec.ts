import { Logger } from '@nestjs/common';
import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('writes one warning per kind of failure in ten seconds, then counts the ones it held back', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-29T06:00:00Z') });
    const lines: string[] = [];
    jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation((message: unknown) => void lines.push(String(message)));
    const sut = new OutageLog('Test');
    const refused = new Error('Connection is closed.');

    for (let i = 0; i < 500; i++) sut.warn('Rate limits not applied', refused);
    sut.warn('Stamps not read', refused);
    jest.advanceTimersByTime(10_000);
    sut.warn('Rate limits not applied', refused);

    expect(lines).toEqual([
      'Rate limits not applied, Redis did not answer: Connection is closed.',
      'Stamps not read, Redis did not answer: Connection is closed.',
      'Rate limits not applied, Redis did not answer: Connection is closed. (and 499 more like it since the last warning)',
    ]);
  });
});
