import type { Readable } from 'node:stream';

/** What the store knows of one object. The etag changes whenever the bytes do. */
export interface StoredObject {
  sizeBytes: number;
  etag: string;
}

/** Bytes `start` to `end`, both included, as HTTP's Range counts them. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PresignOptions {
  expiresInSeconds: number;
  /** Sent back by the store as the answer's headers, so that the browser saves the right file. */
  contentType?: string;
  contentDisposition?: string;
}

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object ${key}`);
  }
}

/**
 * Where materials and recordings are kept: a folder on this machine or an S3-compatible store.
 * Keys are made by the API (`materials/<uuid>`), never from a file name someone sent.
 */
export abstract class ObjectStorage {
  /**
   * Stores the stream under the key. Nothing is visible under the key until the whole stream is
   * in; a stream that fails or is cut leaves nothing behind (and an older object under the key stays).
   */
  abstract put(key: string, body: Readable, contentType: string): Promise<StoredObject>;

  /** The object's bytes, or only the range; ObjectNotFoundError when there is no such object. */
  abstract get(key: string, range?: ByteRange): Promise<Readable>;

  /** Size and etag, or null when there is no such object. */
  abstract head(key: string): Promise<StoredObject | null>;

  /** Removes the object; removing a missing one is not an error. */
  abstract delete(key: string): Promise<void>;

  /** A short-lived URL from which anyone holding it may GET the object, or null where the store has none. */
  abstract presignedGetUrl(key: string, options: PresignOptions): Promise<string | null>;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are the API's own; one that could climb out of the store's folder is a bug, never stored. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
  }
}
