import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertStorageKey,
  ByteRange,
  ObjectNotFoundError,
  ObjectStorage,
  StoredObject,
} from './object-storage';

/** Half-written files wait here, on the same disk as the store, so that the final rename is atomic. */
const PARTIAL_DIR = '.partial';

/**
 * Files under one folder (DATA_DIR/files, outside the web app's folder; the backup tool copies it
 * as it is, half-written files aside). A put writes a temporary file and renames it into place once complete.
 */
export class LocalObjectStorage extends ObjectStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, body: Readable, _contentType: string): Promise<StoredObject> {
    const target = this.path(key);
    const partial = join(this.root, PARTIAL_DIR, randomUUID());
    await mkdir(dirname(partial), { recursive: true, mode: 0o700 });
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return (await this.head(key)) as StoredObject;
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    if (!(await this.head(key))) throw new ObjectNotFoundError(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async head(key: string): Promise<StoredObject | null> {
    const info = await stat(this.path(key)).catch(() => null);
    if (!info?.isFile()) return null;
    // A replaced file is a new inode written at another time: both change the etag.
    return {
      sizeBytes: info.size,
      etag: `${info.ino.toString(36)}-${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}`,
    };
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async presignedGetUrl(): Promise<string | null> {
    return null;
  }

  private path(key: string): string {
    assertStorageKey(key);
    return join(this.root, key);
  }
}
