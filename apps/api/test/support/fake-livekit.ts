import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessToken } from 'livekit-server-sdk';

export interface RecordedRequest {
  /** The Twirp method, e.g. CreateRoom. */
  method: string;
  path: string;
  body: Record<string, unknown>;
  authorization: string;
}

export const LIVEKIT_KEY = 'test-key';
export const LIVEKIT_SECRET = 'test-secret-that-is-long-enough-1234';

/**
 * A stand-in LiveKit server on loopback (no real one can run here): it records each Twirp request
 * the platform sends and answers canned JSON, so tests check exactly what would reach LiveKit.
 */
export class FakeLiveKit {
  readonly requests: RecordedRequest[] = [];
  /** The answer per Twirp method: fixed, or made from the request's body (two Egresses, two ids). */
  readonly answers: Record<string, unknown | ((body: Record<string, unknown>) => unknown)> = {};
  private server?: Server;
  private port = 0;

  async start(port = 0): Promise<string> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const path = req.url ?? '';
      const method = path.split('/').pop() as string;
      const body = raw ? JSON.parse(raw) : {};
      this.requests.push({ method, path, body, authorization: req.headers.authorization ?? '' });
      const answer = this.answers[method];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify((typeof answer === 'function' ? answer(body) : answer) ?? {}));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  calls(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  /** The data messages sent to rooms (SendData), with their JSON payloads decoded. */
  dataMessages(topic?: string): { room: string; topic: string; kind: unknown; payload: unknown }[] {
    return this.calls('SendData')
      .map(({ body }) => ({
        room: body.room as string,
        topic: body.topic as string,
        // RELIABLE is the enum's zero value, which protobuf's JSON leaves out.
        kind: body.kind ?? 'RELIABLE',
        payload: JSON.parse(Buffer.from(body.data as string, 'base64').toString('utf8')) as unknown,
      }))
      .filter((message) => topic === undefined || message.topic === topic);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** Restarts on the same port, as LiveKit coming back after an outage. */
  async restart(): Promise<void> {
    await this.start(this.port);
  }
}

/** Signs a webhook body the way LiveKit does: a JWT whose sha256 claim is the body's digest. */
export async function signWebhook(body: string, secret = LIVEKIT_SECRET): Promise<string> {
  const token = new AccessToken(LIVEKIT_KEY, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/** Answers each Egress start with its own id: `<prefix>` for the video, `<prefix>_audio` for the sound alone. */
export function egressIds(prefix: string) {
  return (body: Record<string, unknown>) => ({ egressId: body.audioOnly ? `${prefix}_audio` : prefix });
}
