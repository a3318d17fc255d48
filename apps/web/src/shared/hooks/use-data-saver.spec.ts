import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionSuggestsDataSaver, useDataSaver } from './use-data-saver';

/** A browser's navigator.connection, as Chromium gives it. */
class FakeConnection extends EventTarget {
  constructor(
    public effectiveType: string,
    public saveData = false,
  ) {
    super();
  }

  change(fields: Partial<Pick<FakeConnection, 'effectiveType' | 'saveData'>>) {
    Object.assign(this, fields);
    this.dispatchEvent(new Event('change'));
  }
}

function useConnection(connection: FakeConnection | undefined) {
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
}

describe('data saver', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'connection');
  });

  it('is suggested by a slow link or by the browser asking to save data, not by a fast one', () => {
    for (const type of ['slow-2g', '2g', '3g'])
      expect(connectionSuggestsDataSaver(new FakeConnection(type))).toBe(true);
    expect(connectionSuggestsDataSaver(new FakeConnection('4g', true))).toBe(true);
    expect(connectionSuggestsDataSaver(new FakeConnection('4g'))).toBe(false);
    // Firefox and Safari tell nothing of the connection: no data saver unless the person asks.
    expect(connectionSuggestsDataSaver(undefined)).toBe(false);
  });

  it('follows the connection, as it changes, while the person has made no choice', () => {
    const connection = new FakeConnection('4g');
    useConnection(connection);
    const { result } = renderHook(() => useDataSaver(null));
    expect(result.current).toEqual({ enabled: false, automatic: true });

    act(() => connection.change({ effectiveType: '2g' }));
    expect(result.current).toEqual({ enabled: true, automatic: true });
    act(() => connection.change({ effectiveType: '4g', saveData: true }));
    expect(result.current.enabled).toBe(true);
  });

  it('keeps to the person’s own choice whatever the connection says', () => {
    useConnection(new FakeConnection('2g', true));
    expect(renderHook(() => useDataSaver(false)).result.current).toEqual({
      enabled: false,
      automatic: false,
    });
    useConnection(new FakeConnection('4g'));
    expect(renderHook(() => useDataSaver(true)).result.current).toEqual({ enabled: true, automatic: false });
  });

  it('is off without a choice in a browser that tells nothing of its connection', () => {
    useConnection(undefined);
    expect(renderHook(() => useDataSaver(undefined)).result.current).toEqual({
      enabled: false,
      automatic: true,
    });
  });
});
