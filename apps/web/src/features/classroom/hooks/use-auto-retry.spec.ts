import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutoRetry } from './use-auto-retry';

const NOW = Date.parse('2031-03-12T10:00:00.000Z');

describe('automatic retries of the video service', () => {
  beforeEach(() => {
    vi.spyOn(Date, 'now').mockReturnValue(NOW);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('waits longer after each failed attempt, and starts again from 10 s once a connection succeeded', () => {
    const retry = vi.fn();
    const sut = renderHook(({ failing }) => useAutoRetry(failing, retry, NOW), {
      initialProps: { failing: true },
    });
    const waitSeconds = () => ((sut.result.current.retryAt ?? NaN) - NOW) / 1000;
    expect(waitSeconds()).toBe(10);

    // An attempt runs (not failing meanwhile), and fails again.
    sut.rerender({ failing: false });
    sut.rerender({ failing: true });
    expect(waitSeconds()).toBe(20);

    // The next attempt connects; the class runs, then the service drops again.
    sut.rerender({ failing: false });
    act(() => sut.result.current.resetFailures());
    sut.rerender({ failing: true });
    expect(waitSeconds()).toBe(10);
  });
});
