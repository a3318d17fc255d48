import { useCallback, useEffect, useRef, useState } from 'react';

/** 10 s, 20 s, 40 s, then every minute: soon enough for a blip, gentle on a service that is down. */
export function retryDelayMs(failures: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, failures - 1), 60_000);
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * While `failing`, calls `retry` by itself with growing delays (and at once when the browser comes
 * back online); says when the next attempt is, so that the page can show it. `failing` also turns
 * false while an attempt runs, so only the caller knows an attempt succeeded: it calls
 * `resetFailures` then, and a later drop starts again from the shortest delay.
 */
export function useAutoRetry(failing: boolean, retry: () => void, now: number) {
  const online = useOnline();
  const failures = useRef(0);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const retryRef = useRef(retry);
  retryRef.current = retry;

  useEffect(() => {
    if (!failing) {
      setRetryAt(null);
      return;
    }
    failures.current += 1;
    setRetryAt(Date.now() + retryDelayMs(failures.current));
  }, [failing]);

  useEffect(() => {
    if (!failing || !online || retryAt === null || now < retryAt) return;
    setRetryAt(null);
    retryRef.current();
  }, [failing, online, retryAt, now]);

  // Back online: no need to wait for the next attempt.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current && failing) {
      setRetryAt(null);
      retryRef.current();
    }
    wasOnline.current = online;
  }, [online, failing]);

  const resetFailures = useCallback(() => {
    failures.current = 0;
  }, []);
  return { online, retryAt: online ? retryAt : null, resetFailures };
}
