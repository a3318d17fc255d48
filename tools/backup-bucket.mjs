// The S3 side of `npm run backup` and `npm run restore`: the bucket the API stores files in when
// S3_ENDPOINT is set (the same variables and meaning as the API's S3 driver). An object's key is
// the path a file has under DATA_DIR/files with the local driver, so both drivers share the
// archive's `files/<key>` layout and an archive made with one restores into the other.
import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError, digester } from './backup-archive.mjs';

const require = createRequire(import.meta.url);
const {
  S3Client,
  ListObjectsV2Command,
  GetObjectCommand,
  DeleteObjectCommand,
  HeadBucketCommand,
} = require('@aws-sdk/client-s3');
const { Upload } = require('@aws-sdk/lib-storage');

/** Parts of a multipart upload, as the API uploads: files past 8 MB go up in parts, two at a time. */
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const BOOLEAN = { true: true, 1: true, on: true, false: false, 0: false, off: false };

/**
 * The S3 settings from the environment, or undefined when the API keeps files under
 * DATA_DIR/files. Like the API: all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY, or none.
 */
export function s3Settings(env = process.env) {
  const required = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
  const set = required.filter((name) => env[name]);
  if (set.length === 0) return undefined;
  if (set.length !== required.length)
    throw new UserError(
      `${required.join(', ')}: set all four, or none (files under DATA_DIR/files). ` +
        `Missing: ${required.filter((name) => !env[name]).join(', ')}`,
    );
  const pathStyle = env.S3_FORCE_PATH_STYLE ? BOOLEAN[env.S3_FORCE_PATH_STYLE.toLowerCase()] : false;
  if (pathStyle === undefined) throw new UserError('S3_FORCE_PATH_STYLE must be true or false');
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: pathStyle,
  };
}

/** The bucket, with the few operations a backup and a restore need. */
export class Bucket {
  constructor(settings) {
    this.name = settings.bucket;
    this.where = `the S3 bucket ${settings.bucket} at ${settings.endpoint}`;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // As the API: checksums only where S3 requires them (many S3-compatible stores refuse the rest).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Refuses early, with the reason, when the bucket cannot be reached or does not exist. */
  async check() {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.name }));
    } catch (error) {
      const status = error?.$metadata?.httpStatusCode;
      const reason =
        status === 404
          ? 'it does not exist'
          : status === 403
            ? 'access denied (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)'
            : (error.message ?? String(error));
      throw new UserError(`Cannot use ${this.where}: ${reason}`);
    }
  }

  /** Every object (key and size), page after page, in key order; at most `limit` of them. */
  async list(limit = Infinity) {
    const objects = [];
    let token;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.name,
          ContinuationToken: token,
          MaxKeys: Number.isFinite(limit) ? Math.min(1000, limit - objects.length) : undefined,
        }),
      );
      for (const object of page.Contents ?? []) objects.push({ key: object.Key, bytes: object.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && objects.length < limit);
    return objects;
  }

  /** The object's bytes as a stream, its size, type and last change; null when it is gone. */
  async get(key) {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      return {
        body: answer.Body,
        bytes: answer.ContentLength ?? 0,
        contentType: answer.ContentType,
        mtime: answer.LastModified ?? new Date(),
      };
    } catch (error) {
      if (error?.name === 'NoSuchKey' || error?.$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  /**
   * Stores what the `stages` (a stream and transforms) give under `key`, multipart beyond one
   * part; S3 shows the object once complete.
   */
  async put(key, contentType, ...stages) {
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.name,
        Key: key,
        Body: body,
        ContentType: contentType || 'application/octet-stream',
      },
      partSize: PART_BYTES,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    const done = upload.done();
    try {
      await pipeline(...stages, body);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      await done.catch(() => undefined);
      throw error;
    }
    await done;
  }

  /** The SHA-256 and size of the object as the bucket serves it now. */
  async digest(key) {
    const object = await this.get(key);
    if (!object) return null;
    const { stream, result } = digester();
    await pipeline(object.body, stream, async function* (source) {
      for await (const chunk of source) void chunk;
    });
    return result;
  }

  /**
   * Removes the objects one request each: DeleteObjects needs a content checksum that several
   * S3-compatible stores check differently from the SDK.
   */
  async delete(keys) {
    for (const key of keys) await this.client.send(new DeleteObjectCommand({ Bucket: this.name, Key: key }));
  }

  destroy() {
    this.client.destroy();
  }
}
