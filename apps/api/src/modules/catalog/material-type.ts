import { fileTypeFromBuffer } from 'file-type';
import { Readable } from 'node:stream';
import { compoundFileKind } from './compound-file';

/**
 * The kinds of file a course material may be, as their content shows them (never their name):
 * PDF, images, Office and OpenDocument files, MP4/WebM video, MP3/M4A/OGG audio and ZIP archives.
 */
export const MATERIAL_CONTENT_TYPES = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  // Word, Excel and PowerPoint before 2007 are Compound File Binary containers; so are Windows
  // installers, which sniffContentType tells apart (application/x-msi, refused).
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.graphics',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/ogg',
  'audio/ogg; codecs=opus',
  'application/zip',
]);

/**
 * How much of the start of a file is read to tell its type: an MP3 may start with an ID3 tag
 * holding a cover picture, and an Office file's parts are found by reading its ZIP entries.
 */
const SNIFF_BYTES = 1024 * 1024;

export interface SniffedStream {
  /** The detected MIME type, or null when the content is none that file-type knows. */
  contentType: string | null;
  /** True when the stream had no bytes at all. */
  empty: boolean;
  /** The whole stream again, the sniffed start included. */
  stream: Readable;
}

/** Reads the start of the stream to tell its type, and gives back a stream of all of it. */
export async function sniffContentType(source: Readable): Promise<SniffedStream> {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(chunks);
  const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  let contentType = detected?.mime ?? null;
  if (contentType === 'application/x-cfb') {
    const kind = compoundFileKind(head);
    contentType = kind === 'office' ? contentType : kind === 'installer' ? 'application/x-msi' : null;
  }
  async function* whole(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return {
    contentType,
    empty: head.length === 0,
    stream: Readable.from(whole(), { objectMode: false }),
  };
}

/** Whether a detected type may be a course material. */
export function isMaterialType(contentType: string | null): contentType is string {
  return contentType !== null && MATERIAL_CONTENT_TYPES.has(contentType);
}
