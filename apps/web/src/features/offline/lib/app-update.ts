/**
 * "A new version is ready": the service worker registration (main.tsx) announces it with the
 * function that applies it; the prompt (UpdatePrompt) reads it. Nothing reloads a page by itself.
 */
type Apply = () => Promise<void>;

let apply: Apply | null = null;
const listeners = new Set<() => void>();

export const appUpdate = {
  announce(applyUpdate: Apply): void {
    apply = applyUpdate;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The function that activates the waiting version and reloads, or null when there is none. */
  pending(): Apply | null {
    return apply;
  },
};
