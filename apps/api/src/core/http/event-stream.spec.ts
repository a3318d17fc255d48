import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { openEventStream, type EventSink } from './event-stream';

/** What a client read of the stream, until the server ended it or `ms` passed. */
async function readFor(url: string, ms: number): Promise<{ text: string; headers: Headers }> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { 'accept-encoding': 'gzip' } });
  const timer = setTimeout(() => abort.abort(), ms);
  let text = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
      text += Buffer.from(chunk).toString();
  } catch {
    // Aborted: the time was up.
  } finally {
    clearTimeout(timer);
  }
  return { text, headers: response.headers };
}

describe('openEventStream', () => {
  let server: FastifyInstance;
  let url: string;
  let sink: EventSink;
  let closed: boolean;

  beforeEach(async () => {
    closed = false;
    server = Fastify();
    server.addHook('onRequest', async (_request, reply) => {
      reply.header('x-content-type-options', 'nosniff');
    });
    server.get('/stream', async (_request, reply) => {
      sink = openEventStream(reply, 40);
      void sink.closed.then(() => (closed = true));
      sink.send('unread', { unread: 3 });
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/stream`;
  });
  afterEach(() => server.close());

  it('writes events and a heartbeat comment at its interval, uncompressed, not stored, with the headers set before', async () => {
    const { text, headers } = await readFor(url, 200);
    expect(headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-encoding')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(text).toContain('event: unread\ndata: {"unread":3}\n\n');
    expect(text.match(/^: ping$/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
  });

  it('ends cleanly when the server ends it', async () => {
    const reading = readFor(url, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    sink.end();
    const { text } = await reading;
    expect(text).toContain('data: {"unread":3}');
    await sink.closed;
    // Writing after the end is a no-op, not an error.
    expect(() => sink.send('unread', { unread: 4 })).not.toThrow();
  });
});
