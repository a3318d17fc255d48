import { afterEach, describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('./first-screen');
};

describe('work kept until the first screen has shown its data', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once the first screen says so, and only once', async () => {
    vi.useFakeTimers();
    const { afterFirstScreen, firstScreenShown } = await fresh();
    const run = vi.fn();
    afterFirstScreen(run);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).not.toHaveBeenCalled();
    firstScreenShown();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs anyway some time after the load on a page that never says so', async () => {
    vi.useFakeTimers();
    const { afterFirstScreen } = await fresh();
    const run = vi.fn();
    afterFirstScreen(run, 10_000);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
