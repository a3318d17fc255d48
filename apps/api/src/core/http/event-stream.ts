import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

/** A server-sent events answer, as services see it: events out, and when the client went away. */
export interface EventSink {
  send(event: string, data: object): void;
  /** Ends the answer (the client reconnects when it wants more). */
  end(): void;
  /** Settles once the answer is over, whoever ended it. */
  readonly closed: Promise<void>;
}

/** A comment line at this interval keeps proxies and mobile networks from dropping an idle stream. */
export const HEARTBEAT_MS = 25_000;

/**
 * Turns the reply into a `text/event-stream` written straight to the socket: Fastify's own sending
 * (and with it @fastify/compress, which would hold events back in its gzip buffer) is skipped.
 * The headers set so far (security headers, CORS) go out with it, and `no-store` as on every
 * authenticated answer.
 */
export function openEventStream(reply: FastifyReply, heartbeatMs = HEARTBEAT_MS): EventSink {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as OutgoingHttpHeaders),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Tells nginx-like proxies not to buffer the stream.
    'x-accel-buffering': 'no',
  });
  const open = () => !raw.writableEnded && !raw.destroyed;
  const write = (text: string) => {
    if (open()) raw.write(text);
  };
  // Sends the headers now: the client knows the stream is up before the first event.
  write(': open\n\n');
  const heartbeat = setInterval(() => write(': ping\n\n'), heartbeatMs);
  const closed = new Promise<void>((resolve) =>
    raw.once('close', () => {
      clearInterval(heartbeat);
      resolve();
    }),
  );
  return {
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    end: () => {
      if (open()) raw.end();
    },
    closed,
  };
}
