export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Where the client keeps the signed-in user's tokens; observable so the UI can follow sign-out. */
export interface TokenStore {
  get(): TokenPair | null;
  set(tokens: TokenPair): void;
  clear(): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = 'mre.tokens';

/**
 * Keeps the pair in localStorage so a reload stays signed in. `get()` returns the same object until
 * the pair changes, which React's useSyncExternalStore requires of a snapshot.
 */
export class LocalStorageTokenStore implements TokenStore {
  private current: TokenPair | null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Storage = globalThis.localStorage) {
    this.current = parseTokens(storage.getItem(STORAGE_KEY));
  }

  get(): TokenPair | null {
    return this.current;
  }

  set(tokens: TokenPair): void {
    this.current = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    this.storage.setItem(STORAGE_KEY, JSON.stringify(this.current));
    this.notify();
  }

  clear(): void {
    this.current = null;
    this.storage.removeItem(STORAGE_KEY);
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}

function parseTokens(raw: string | null): TokenPair | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<TokenPair>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string'
      ? { accessToken: value.accessToken, refreshToken: value.refreshToken }
      : null;
  } catch {
    return null;
  }
}
