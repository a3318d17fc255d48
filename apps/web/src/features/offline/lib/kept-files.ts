/**
 * Course files a trainee chose to keep on the phone, in Cache Storage under the API path they are
 * fetched from. The page reads them back itself (the file needs the bearer token online, so the
 * service worker never serves them), which works the same with or without a connection.
 */
const CACHE_NAME = 'mre-kept-files';
const FILE_PATH = /^\/api\/materials\/([0-9a-f-]{36})\/file$/;

/** The browser refused to store the file: the phone (or the site's share of it) is full. */
export class StorageFullError extends Error {
  constructor() {
    super('No room left on this device to keep the file');
    this.name = 'StorageFullError';
  }
}

const pathOf = (materialId: string) => `/api/materials/${materialId}/file`;
const supported = () => typeof caches !== 'undefined';

/** The ids of the files kept on this device. */
export async function keptFileIds(): Promise<string[]> {
  if (!supported()) return [];
  const cache = await caches.open(CACHE_NAME);
  const requests = await cache.keys();
  return requests.flatMap((request) => {
    const id = FILE_PATH.exec(new URL(request.url).pathname)?.[1];
    return id ? [id] : [];
  });
}

/**
 * Stores the file for reading offline. Refused with StorageFullError when the browser says there is
 * not room for it, before or while writing (a half-kept file is never left).
 */
export async function keepFile(materialId: string, file: Blob): Promise<void> {
  if (!supported()) throw new StorageFullError();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (
    estimate?.quota !== undefined &&
    estimate.usage !== undefined &&
    estimate.quota - estimate.usage < file.size
  )
    throw new StorageFullError();
  const cache = await caches.open(CACHE_NAME);
  try {
    await cache.put(
      pathOf(materialId),
      new Response(file, {
        headers: {
          'Content-Type': file.type || 'application/octet-stream',
          'Content-Length': String(file.size),
        },
      }),
    );
  } catch (error) {
    await cache.delete(pathOf(materialId)).catch(() => undefined);
    if (error instanceof DOMException && error.name === 'QuotaExceededError') throw new StorageFullError();
    throw error;
  }
}

/** The kept file, or null when it is not kept here. */
export async function readKeptFile(materialId: string): Promise<Blob | null> {
  if (!supported()) return null;
  const cache = await caches.open(CACHE_NAME);
  const response = await cache.match(pathOf(materialId));
  return response ? response.blob() : null;
}

export async function forgetFile(materialId: string): Promise<void> {
  if (!supported()) return;
  const cache = await caches.open(CACHE_NAME);
  await cache.delete(pathOf(materialId));
}

/** Forgets every kept file: on signing out, so that the next person on a shared phone finds none. */
export async function forgetAllFiles(): Promise<void> {
  if (supported()) await caches.delete(CACHE_NAME);
}
