import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '@/core/config/app-config';
import { LocalObjectStorage } from './local-object-storage';
import { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';
import { SignedFileLinks } from './signed-file-links';

/** The folder of the embedded store; the backup tool copies exactly this folder. */
export const FILES_DIR = 'files';

export function objectStorageFrom(config: AppConfig): ObjectStorage {
  const endpoint = config.get('S3_ENDPOINT');
  if (!endpoint) return new LocalObjectStorage(resolve(config.get('DATA_DIR'), FILES_DIR));
  return new S3ObjectStorage({
    endpoint,
    bucket: config.get('S3_BUCKET') as string,
    accessKeyId: config.get('S3_ACCESS_KEY_ID') as string,
    secretAccessKey: config.get('S3_SECRET_ACCESS_KEY') as string,
    region: config.get('S3_REGION'),
    forcePathStyle: config.get('S3_FORCE_PATH_STYLE'),
  });
}

@Global()
@Module({
  providers: [
    { provide: ObjectStorage, inject: [AppConfig], useFactory: objectStorageFrom },
    SignedFileLinks,
  ],
  exports: [ObjectStorage, SignedFileLinks],
})
export class StorageModule {}
