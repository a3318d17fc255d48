import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { InvalidInputError, PayloadTooLargeError } from '@/core/errors/domain-error';

class UploadMissingError extends InvalidInputError {
  readonly code = 'file-missing';
}

/** A file past the size the route takes: 413, with the limit in `details.maxMegabytes`. */
export class UploadTooLargeError extends PayloadTooLargeError {
  readonly code = 'file-too-large';

  constructor(maxBytes: number) {
    super(`The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`);
    this.details.maxMegabytes = Math.floor(maxBytes / 1024 / 1024);
  }
}

/** An uploaded file being received: read `stream` once, to its end. */
export interface OpenedUpload {
  /** The name the sender gave the file: a label only, never a path. */
  fileName: string;
  /** Text fields sent before the file part. */
  fields: Record<string, string>;
  /** The bytes; fails with UploadTooLargeError past the limit, or with the connection's error when cut. */
  stream: Readable;
}

/**
 * A multipart upload not yet read: the service checks who may upload first, then opens it with the
 * route's size limit, so that a refused request never has its body stored anywhere.
 */
export interface PendingUpload {
  open(maxBytes: number): Promise<OpenedUpload>;
}

/**
 * The multipart file field named by the argument, streamed (large course materials are never held
 * in memory). Text fields must come before the file part to be seen.
 */
export const UploadedStream = createParamDecorator(
  (field: string, context: ExecutionContext): PendingUpload => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const sendAs = `send the file as multipart/form-data in the field "${field}"`;
    return {
      async open(maxBytes: number): Promise<OpenedUpload> {
        if (!request.isMultipart()) throw new UploadMissingError(`No file: ${sendAs}`);
        const part = await request
          .file({ limits: { fileSize: maxBytes, files: 1, fieldSize: 4096 } })
          .catch(() => undefined);
        if (!part || part.fieldname !== field) throw new UploadMissingError(`No file: ${sendAs}`);
        const fields: Record<string, string> = {};
        for (const [name, value] of Object.entries(part.fields)) {
          const one = Array.isArray(value) ? value[0] : value;
          if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
        }
        // The plugin's own limit error would be a bare 413: name the limit, with the code clients translate.
        const stream = new PassThrough();
        part.file.on('error', (error) =>
          stream.destroy(part.file.truncated ? new UploadTooLargeError(maxBytes) : error),
        );
        part.file.on('limit', () => stream.destroy(new UploadTooLargeError(maxBytes)));
        part.file.pipe(stream);
        // A connection cut mid-file: the request stream closes without the file part ending.
        request.raw.on('close', () => {
          if (!request.raw.complete) stream.destroy(new Error('The upload was cut before its end'));
        });
        return { fileName: part.filename ?? '', fields, stream };
      },
    };
  },
);
