// The floor the API is measured against: a bare Fastify server, started by the benchmarks as a child
// process like the API, doing only the unavoidable work of each request and nothing else:
// - POST /join: verifies the access token (HS256, as the API's guard) and signs a LiveKit join token
//   with the same grants (livekit-server-sdk), no database;
// - POST /webhook: verifies a LiveKit webhook signature over the raw body, stores nothing;
// - GET /static/:name: a JSON document registered with PUT /static/:name, serialized per request.
// Environment: PORT, JWT_SECRET, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET.
import { createSecretKey } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');
const { AccessToken, TrackSource, WebhookReceiver } = require('livekit-server-sdk');

const { PORT, JWT_SECRET, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
const receiver = new WebhookReceiver(LIVEKIT_API_KEY, LIVEKIT_API_SECRET);
// A key object, not the string: jsonwebtoken otherwise tries (and fails) to parse the string as a
// public key on every verification, which costs more than the HMAC itself.
const jwtKey = createSecretKey(Buffer.from(JWT_SECRET));
const documents = new Map();

const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
app.addContentTypeParser('application/webhook+json', { parseAs: 'string' }, (_request, body, done) =>
  done(null, body),
);

app.get('/health', async () => ({ ok: true }));

app.post('/join/:id', async (request, reply) => {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  let payload;
  try {
    if (scheme !== 'Bearer') throw new Error('no token');
    payload = jwt.verify(token, jwtKey, { algorithms: ['HS256'] });
  } catch {
    return reply
      .code(401)
      .send({ statusCode: 401, error: 'Unauthorized', message: 'A valid access token is required' });
  }
  const at = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity: payload.sub,
    name: 'Trainee',
    metadata: JSON.stringify({ role: 'trainee', userRole: payload.role }),
    ttl: 300,
  });
  at.addGrant({
    room: `mre-${request.params.id}`,
    roomJoin: true,
    canSubscribe: true,
    canPublishData: true,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
  });
  return {
    serverUrl: LIVEKIT_URL,
    token: await at.toJwt(),
    expiresAt: new Date(Date.now() + 300_000).toISOString(),
    role: 'trainee',
  };
});

app.post('/webhook', async (request, reply) => {
  try {
    await receiver.receive(request.body, request.headers.authorization);
  } catch {
    return reply.code(401).send({ statusCode: 401 });
  }
  return reply.code(200).send();
});

app.put('/static/:name', async (request) => {
  documents.set(request.params.name, request.body);
  return { stored: true };
});

app.get('/static/:name', async (request, reply) => {
  const document = documents.get(request.params.name);
  return document ?? reply.code(404).send({ statusCode: 404 });
});

await app.listen({ port: Number(PORT), host: '127.0.0.1' });
