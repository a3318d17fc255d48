import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ByteRange, ObjectStorage } from '@/core/storage/object-storage';

/** A stored file as it is offered for download. */
export interface DownloadableFile {
  storageKey: string;
  sizeBytes: number;
  etag: string;
  contentType: string;
  fileName: string;
  /** Shown in the page (a player's source) rather than saved. */
  inline?: boolean;
}

/**
 * `attachment` with the name twice: an ASCII fallback for old clients, and the UTF-8 name
 * (RFC 5987/6266) that browsers use, Arabic included.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The one range of a `Range: bytes=…` header, both ends included; null to send the whole file
 * (no header, or several ranges), 'unsatisfiable' when it starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Answers a GET for a stored file: 304 for a matching If-None-Match, 206 for a Range (resuming a
 * download on a weak link; If-Range guards against a changed file), 416 past the end, else 200.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: ObjectStorage,
  file: DownloadableFile,
): Promise<FastifyReply> {
  const etag = `"${file.etag}"`;
  reply.header('etag', etag).header('accept-ranges', 'bytes');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.status(304).send();
  }
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.range, file.sizeBytes);
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${file.sizeBytes}`).send();
  }
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName, file.inline ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff');
  if (!range) {
    reply.header('content-length', file.sizeBytes);
    return reply.status(200).send(await storage.get(file.storageKey));
  }
  reply
    .header('content-range', `bytes ${range.start}-${range.end}/${file.sizeBytes}`)
    .header('content-length', range.end - range.start + 1);
  return reply.status(206).send(await storage.get(file.storageKey, range));
}
