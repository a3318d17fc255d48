import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '@/core/storage/s3-object-storage';

/**
 * An S3-protocol server from npm (s3rver) on a free port, keeping its objects in a temporary
 * folder: the S3 driver is tested over the real protocol, with no S3 server installed.
 */
export class S3TestServer {
  private constructor(
    private readonly server: S3rver,
    readonly directory: string,
    readonly settings: S3Settings,
  ) {}

  static async start(bucket = 'academy-files'): Promise<S3TestServer> {
    const directory = mkdtempSync(join(tmpdir(), 'mre-s3rver-'));
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });
    const { port } = await server.run();
    return new S3TestServer(server, directory, {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      // s3rver's fixed development credentials: it checks signatures made with them.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      region: 'us-east-1',
      forcePathStyle: true,
    });
  }

  /** The variables that make the API use this server. */
  get environment(): Record<string, string> {
    return {
      S3_ENDPOINT: this.settings.endpoint,
      S3_BUCKET: this.settings.bucket,
      S3_ACCESS_KEY_ID: this.settings.accessKeyId,
      S3_SECRET_ACCESS_KEY: this.settings.secretAccessKey,
      S3_REGION: this.settings.region,
      S3_FORCE_PATH_STYLE: 'true',
    };
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.directory, { recursive: true, force: true });
  }
}
