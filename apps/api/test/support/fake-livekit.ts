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
  readonly answers: Record<string, unknown> = {};
  private server?: Server;
  private port = 0;

  async start(port = 0): Promise<string> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const path = req.url ?? '';
      const method = path.split('/').pop() as string;
      this.requests.push({
        method,
        path,
        body: raw ? JSON.parse(raw) : {},
        authorization: req.headers.authorization ?? '',
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.answers[method] ?? {}));
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
