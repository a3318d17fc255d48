import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface MimePart {
  contentType: string;
  filename: string | null;
  /** Decoded (base64 or quoted-printable) as UTF-8 text. */
  body: string;
}

/** A real SMTP server on loopback that keeps every message it receives. */
export class SmtpInbox {
  readonly mails: ReceivedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });

  /** Answers the SMTP_URL to give the worker. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise<void>((resolve) => this.server.close(resolve));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  /** Waits until `count` messages satisfy the predicate (polling, at most `timeoutMs`). */
  async waitFor(
    predicate: (mail: ReceivedMail) => boolean,
    count = 1,
    timeoutMs = 15_000,
  ): Promise<ReceivedMail[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > until) throw new Error(`${found.length} of ${count} expected e-mails arrived`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: at < 0 ? '' : raw.slice(at + 4) };
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

const parameter = (value: string, name: string) =>
  new RegExp(`${name}="?([^";]+)"?`, 'i').exec(value)?.[1] ?? null;

/** The leaf parts of a MIME message, decoded: enough to read what nodemailer sends. */
export function mimeParts(raw: string): MimePart[] {
  const { headers, body } = splitHead(raw);
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = parameter(contentType, 'boundary');
  if (/^multipart\//i.test(contentType) && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => mimeParts(part.replace(/^\r\n/, '')));
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : Buffer.from(body, 'utf8');
  const disposition = headers.get('content-disposition') ?? '';
  return [
    {
      contentType,
      filename: parameter(disposition, 'filename') ?? parameter(contentType, 'name'),
      body: bytes.toString('utf8'),
    },
  ];
}

/** The Subject header, with its RFC 2047 encoded words decoded. */
export function subjectOf(raw: string): string {
  const subject = splitHead(raw).headers.get('subject') ?? '';
  // Adjacent encoded words are one text: the space between them is not part of it.
  const joined = subject.replace(/\?=\s+=\?/g, '?==?');
  const bytes: number[] = [];
  let rest = joined;
  const word = /=\?utf-8\?([bq])\?([^?]*)\?=/i;
  for (let match = word.exec(rest); match; match = word.exec(rest)) {
    bytes.push(...Buffer.from(rest.slice(0, match.index), 'utf8'));
    const payload =
      match[1].toLowerCase() === 'b'
        ? Buffer.from(match[2], 'base64')
        : quotedPrintable(match[2].replace(/_/g, ' '));
    bytes.push(...payload);
    rest = rest.slice(match.index + match[0].length);
  }
  bytes.push(...Buffer.from(rest, 'utf8'));
  return Buffer.from(bytes).toString('utf8');
}
