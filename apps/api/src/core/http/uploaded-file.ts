import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '@/core/errors/domain-error';

/** The largest upload the API takes (the multipart plugin stops reading there). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

class InvalidUploadError extends InvalidInputError {
  constructor(
    readonly code: 'file-missing' | 'file-too-large',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of the multipart file field named by the decorator's argument. A request that is not
 * multipart, has no such file, or carries one over MAX_UPLOAD_BYTES is a clear 400 (the plugin's
 * own errors would be 406 and 413).
 */
export const UploadedFileBytes = createParamDecorator(
  async (field: string, context: ExecutionContext): Promise<Buffer> => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const sendAs = `send the file as multipart/form-data in the field "${field}"`;
    if (!request.isMultipart()) throw new InvalidUploadError('file-missing', `No file: ${sendAs}`);
    const part = await request.file().catch(() => undefined);
    if (!part || part.fieldname !== field) throw new InvalidUploadError('file-missing', `No file: ${sendAs}`);
    try {
      return await part.toBuffer();
    } catch (error) {
      if (part.file.truncated) {
        const error = new InvalidUploadError(
          'file-too-large',
          `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
        );
        error.details.maxMegabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
        throw error;
      }
      throw error;
    }
  },
);
