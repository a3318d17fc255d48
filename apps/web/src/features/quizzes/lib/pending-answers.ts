const PREFIX = 'mre.attempt.';

/** Where the answers of an attempt not yet on the server wait in the browser. */
export const pendingAnswersKey = (attemptId: string): string => `${PREFIX}${attemptId}`;

/** Forgets every attempt's waiting answers: at sign-out, the next person on a shared phone finds none. */
export function forgetPendingAnswers(storage: Storage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
  for (const key of keys) if (key?.startsWith(PREFIX)) storage.removeItem(key);
}
