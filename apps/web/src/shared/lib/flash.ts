/**
 * A short message after a save ("Enregistré"), shown once wherever the person is: the dialog that
 * saved has closed by then. Mutations ask for it with `meta: { savedMessage: 'common.saved' }`.
 */
export interface Flash {
  /** An i18n key, worded when shown (in the language of that moment). */
  key: string;
  id: number;
}

let current: Flash | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

export function flash(key: string): void {
  current = { key, id: nextId++ };
  listeners.forEach((listener) => listener());
}

export function dismissFlash(id: number): void {
  if (current?.id !== id) return;
  current = null;
  listeners.forEach((listener) => listener());
}

export function subscribeFlash(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentFlash = (): Flash | null => current;

/** The `meta` a mutation carries to be followed by the message. */
export const SAVED = { savedMessage: 'common.saved' } as const;
