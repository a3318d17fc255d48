import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, unwrap } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import type { AnswerChanges, Answers, Attempt } from '../api/quizzes.api';
import { pendingAnswersKey } from '../lib/pending-answers';

/** An answer as the page holds it; null: cleared (the server forgets it). */
export type AnswerValue = Answers[string] | null;
type Pending = AnswerChanges;

export type SyncStatus = 'saved' | 'saving' | 'offline' | 'time-up' | 'error';

/** How long after the last change answers are sent: one request for a burst of typing. */
const SAVE_DELAY_MS = 800;
/** How often answers waiting for the network are tried again (also on the browser's `online`). */
const RETRY_MS = 15_000;

function readPending(attemptId: string): Pending {
  try {
    return JSON.parse(localStorage.getItem(pendingAnswersKey(attemptId)) ?? '{}') as Pending;
  } catch {
    return {};
  }
}

function writePending(attemptId: string, pending: Pending): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(pendingAnswersKey(attemptId));
    else localStorage.setItem(pendingAnswersKey(attemptId), JSON.stringify(pending));
  } catch {
    // Storage full or refused: the answers still go to the server while the page is open.
  }
}

/**
 * The attempt's answers as the trainee gives them: each change is kept in the browser at once
 * (a reload or a dropped connection loses nothing) and sent to the server shortly after; answers
 * given offline go when the connection returns. The server's deadline wins: once it says the time
 * is up, nothing more is sent.
 */
export function useAnswerSync(attempt: Attempt) {
  const api = useApi();
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => ({
    ...attempt.answers,
    ...readPending(attempt.id),
  }));
  const pending = useRef<Pending>(readPending(attempt.id));
  const [status, setStatus] = useState<SyncStatus>(
    Object.keys(pending.current).length > 0 ? 'offline' : 'saved',
  );
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sending = useRef<Promise<void> | null>(null);

  const send = useCallback(async (): Promise<void> => {
    if (sending.current) await sending.current;
    const batch = { ...pending.current };
    if (Object.keys(batch).length === 0) return;
    if (!navigator.onLine) {
      setStatus('offline');
      return;
    }
    setStatus('saving');
    const request = (async () => {
      try {
        await unwrap(
          api.PUT('/api/attempts/{id}/answers', {
            params: { path: { id: attempt.id } },
            body: { answers: batch },
          }),
        );
        // Keep what changed while the request was on its way.
        for (const [id, value] of Object.entries(batch))
          if (pending.current[id] === value) delete pending.current[id];
        writePending(attempt.id, pending.current);
        setSavedAt(new Date());
        setStatus(Object.keys(pending.current).length > 0 ? 'saving' : 'saved');
      } catch (error) {
        if (
          error instanceof ApiError &&
          (error.code === 'attempt-time-up' || error.code === 'attempt-submitted')
        ) {
          pending.current = {};
          writePending(attempt.id, {});
          setStatus('time-up');
        } else {
          setStatus(error instanceof ApiError ? 'error' : 'offline');
        }
      }
    })();
    sending.current = request;
    await request;
    sending.current = null;
  }, [api, attempt.id]);

  const setAnswer = useCallback(
    (questionId: string, value: AnswerValue) => {
      setAnswers((current) => ({ ...current, [questionId]: value }));
      pending.current = { ...pending.current, [questionId]: value };
      writePending(attempt.id, pending.current);
      setStatus(navigator.onLine ? 'saving' : 'offline');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), SAVE_DELAY_MS);
    },
    [attempt.id, send],
  );

  useEffect(() => {
    const retry = () => void send();
    window.addEventListener('online', retry);
    const interval = setInterval(retry, RETRY_MS);
    // Answers left from an earlier visit (offline, or a reload before they went) go now.
    retry();
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(interval);
      clearTimeout(timer.current);
    };
  }, [send]);

  /**
   * Every answer as the page holds it, for the submission (the server merges them with what it
   * has): a cleared one goes as null, so that an answer cleared offline does not stay on the server.
   */
  const all = useCallback((): AnswerChanges => ({ ...answers }), [answers]);

  const forget = useCallback(() => {
    pending.current = {};
    writePending(attempt.id, {});
  }, [attempt.id]);

  return { answers, setAnswer, status, savedAt, all, forget };
}
