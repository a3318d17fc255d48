import { useSyncExternalStore } from 'react';

/** What Chromium-based browsers tell of the link (Network Information API); others tell nothing. */
interface NetworkInformation extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
}

/** Links where a class's video would crowd out its sound. */
const SLOW_EFFECTIVE_TYPES: ReadonlySet<string> = new Set(['slow-2g', '2g', '3g']);

function networkInformation(): NetworkInformation | undefined {
  return (navigator as Navigator & { connection?: NetworkInformation }).connection;
}

/** The browser asks for less data (the person's own setting or a metered plan) or measures a slow link. */
export function connectionSuggestsDataSaver(connection = networkInformation()): boolean {
  if (!connection) return false;
  return (
    connection.saveData === true ||
    (connection.effectiveType !== undefined && SLOW_EFFECTIVE_TYPES.has(connection.effectiveType))
  );
}

function subscribe(onChange: () => void): () => void {
  const connection = networkInformation();
  connection?.addEventListener('change', onChange);
  return () => connection?.removeEventListener('change', onChange);
}

export interface DataSaver {
  /** What the classroom (and, later, a recording player) goes by. */
  enabled: boolean;
  /** No choice of the person's: the setting follows the connection, and changes with it. */
  automatic: boolean;
}

/**
 * The effective data-saver setting: the person's own choice when they made one (`preference`
 * true or false), else what the browser says of the connection, followed as it changes.
 */
export function useDataSaver(preference: boolean | null | undefined): DataSaver {
  const suggested = useSyncExternalStore(subscribe, () => connectionSuggestsDataSaver());
  const automatic = preference === null || preference === undefined;
  return { enabled: automatic ? suggested : preference, automatic };
}
