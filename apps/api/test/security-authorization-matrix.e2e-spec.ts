import { ROLES, type Role } from '@mre/contracts';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Test } from 'supertest';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { clearRateLimits, MISSING_TOKEN } from './support/security';
import { TestApp } from './support/test-app';

/**
 * Every operation of the committed OpenAPI document, called with no token and with each role, on
 * made-up ids. The table below says who gets past the access guard; a route that is not in it fails
 * the test, so that no route is added without deciding who may call it.
 *
 * - PUBLIC: no token needed (the route checks something else: a password, a signature, a code).
 * - SIGNED_IN: any role gets past the guard; the service then decides by cohort, centre or owner
 *   (those decisions are tested with real ids in security-ids-swapped.e2e-spec.ts).
 * - only(...roles): the other roles get 403 from the guard.
 */
type Rule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };
const PUBLIC: Rule = { kind: 'public' };
const SIGNED_IN: Rule = { kind: 'roles', roles: ROLES };
const only = (...roles: Role[]): Rule => ({ kind: 'roles', roles });
const ADMIN = only('admin');
const STAFF_OF_CENTRE = only('admin', 'coordinator');
const COURSE_AUTHORS = only('admin', 'expert');

// Paths as in the document without the /api prefix; parameter names do not matter ({id} = {code}).
const EXPECTED: Record<string, Rule> = {
  'GET /health': PUBLIC,
  'POST /auth/login': PUBLIC,
  'POST /auth/refresh': PUBLIC,
  'POST /auth/accept-invite': PUBLIC,
  'POST /auth/login/2fa': PUBLIC,
  'POST /auth/forgot-password': PUBLIC,
  'POST /auth/reset-password': PUBLIC,
  'POST /auth/logout': SIGNED_IN,
  'GET /me': SIGNED_IN,
  'PATCH /me': SIGNED_IN,
  'POST /me/password': SIGNED_IN,
  'POST /me/sessions/revoke-others': SIGNED_IN,
  'POST /me/2fa/setup': SIGNED_IN,
  'POST /me/2fa/enable': SIGNED_IN,
  'POST /me/2fa/disable': SIGNED_IN,
  'POST /users/{id}/invitation': STAFF_OF_CENTRE,
  'POST /users': ADMIN,
  'GET /users': STAFF_OF_CENTRE,
  'GET /users/{id}': ADMIN,
  'PATCH /users/{id}': ADMIN,
  // People's data (issue 19): one's own export; an admin's on a person's behalf, and erasure.
  'GET /me/export': SIGNED_IN,
  // One's own attendance in the sessions asked for (issue 15's past sessions): no one else's.
  'GET /me/attendance': SIGNED_IN,
  'GET /users/{id}/export': ADMIN,
  'POST /users/{id}/erase': ADMIN,

  'GET /sectors': SIGNED_IN,
  'GET /networks': SIGNED_IN,
  'GET /networks/{id}': SIGNED_IN,
  'POST /networks': ADMIN,
  'PATCH /networks/{id}': ADMIN,
  'GET /centres': SIGNED_IN,
  'GET /centres/{id}': SIGNED_IN,
  'POST /centres': ADMIN,
  'PATCH /centres/{id}': ADMIN,

  'GET /courses': SIGNED_IN,
  'GET /courses/{id}': SIGNED_IN,
  'POST /courses': ADMIN,
  'PATCH /courses/{id}': COURSE_AUTHORS,
  'POST /courses/{id}/modules': COURSE_AUTHORS,
  'PATCH /courses/{id}/modules/{moduleId}': COURSE_AUTHORS,
  'DELETE /courses/{id}/modules/{moduleId}': COURSE_AUTHORS,
  'POST /courses/{id}/modules/{moduleId}/materials': COURSE_AUTHORS,
  'PUT /courses/{id}/modules/{moduleId}/materials/order': COURSE_AUTHORS,
  'DELETE /materials/{id}': COURSE_AUTHORS,
  // Decided by the course's cohorts (404 for whoever follows none): materials.e2e-spec.ts.
  'GET /materials/{id}/file': SIGNED_IN,
  'GET /materials/{id}/link': SIGNED_IN,
  // The signed token from …/link is the permission (404 without a valid one): materials.e2e-spec.ts.
  'GET /materials/{id}/download': PUBLIC,
  // Quizzes: written by the course's authors; run and taken by cohort (quizzes.e2e-spec.ts).
  'GET /courses/{id}/modules/{moduleId}/quizzes': COURSE_AUTHORS,
  'POST /courses/{id}/modules/{moduleId}/quizzes': COURSE_AUTHORS,
  'GET /courses/{id}/modules/{moduleId}/quizzes/{quizId}': COURSE_AUTHORS,
  'PATCH /courses/{id}/modules/{moduleId}/quizzes/{quizId}': COURSE_AUTHORS,
  'DELETE /courses/{id}/modules/{moduleId}/quizzes/{quizId}': COURSE_AUTHORS,
  'POST /courses/{id}/modules/{moduleId}/quizzes/{quizId}/regrade': COURSE_AUTHORS,
  'GET /cohorts/{id}/quizzes': SIGNED_IN,
  'PUT /cohorts/{id}/quizzes/{quizId}': SIGNED_IN,
  'DELETE /cohorts/{id}/quizzes/{quizId}': SIGNED_IN,
  'POST /cohorts/{id}/quizzes/{quizId}/attempts': SIGNED_IN,
  'GET /cohorts/{id}/quizzes/{quizId}/results': SIGNED_IN,
  'GET /attempts/{id}': SIGNED_IN,
  'PUT /attempts/{id}/answers': SIGNED_IN,
  'POST /attempts/{id}/submit': SIGNED_IN,
  // The same, for marking it done: material-progress.e2e-spec.ts.
  'PUT /materials/{id}/done': SIGNED_IN,
  'DELETE /materials/{id}/done': SIGNED_IN,
  'GET /me/course-progress': SIGNED_IN,

  'POST /cohorts': ADMIN,
  'GET /cohorts': SIGNED_IN,
  'GET /cohorts/{id}': SIGNED_IN,
  'PATCH /cohorts/{id}': ADMIN,
  'POST /cohorts/{id}/enrollments': STAFF_OF_CENTRE,
  'GET /cohorts/{id}/enrollments': SIGNED_IN,
  'DELETE /cohorts/{id}/enrollments/{userId}': STAFF_OF_CENTRE,
  'POST /cohorts/{id}/enrollments/import': STAFF_OF_CENTRE,
  'GET /jobs/{jobId}': SIGNED_IN,

  // Live sessions are decided by the cohort: a teacher may hold any role (train-the-trainer cascade).
  'POST /cohorts/{id}/sessions': SIGNED_IN,
  'GET /sessions': SIGNED_IN,
  'GET /sessions/{id}': SIGNED_IN,
  'PATCH /sessions/{id}': SIGNED_IN,
  'POST /sessions/{id}/cancel': SIGNED_IN,
  'POST /sessions/{id}/join': SIGNED_IN,
  'POST /sessions/{id}/recording/start': SIGNED_IN,
  'POST /sessions/{id}/recording/stop': SIGNED_IN,
  'GET /sessions/{id}/recordings': SIGNED_IN,
  // Decided by the recording's cohort (404 for anyone else): the cohort test below.
  'GET /recordings/{id}/{output}': SIGNED_IN,
  'GET /recordings/{id}/{output}/link': SIGNED_IN,
  // The signed token of a link from …/link is the permission (a <video> element sends no header).
  'GET /recordings/{id}/{output}/play': PUBLIC,
  'DELETE /recordings/{id}': ADMIN,
  'POST /sessions/{id}/participants/{userId}/remove': SIGNED_IN,
  'POST /sessions/{id}/participants/{userId}/readmit': SIGNED_IN,
  'POST /sessions/{id}/participants/{userId}/mute': SIGNED_IN,
  'GET /sessions/{id}/attendance': SIGNED_IN,
  'POST /sessions/{id}/attendance/check-in': SIGNED_IN,
  'PUT /sessions/{id}/attendance/{userId}': SIGNED_IN,
  // Recording consent: decided by the cohort (its members answer, its hosts read the objections).
  'GET /cohorts/{id}/recording-consent': SIGNED_IN,
  'PUT /cohorts/{id}/recording-consent': SIGNED_IN,
  'GET /sessions/{id}/recording-consent': SIGNED_IN,
  // Feedback: answered by the cohort's trainees, read by its staff; authors for admins only (feedback.e2e-spec.ts).
  'PUT /sessions/{id}/feedback': SIGNED_IN,
  'GET /sessions/{id}/feedback/mine': SIGNED_IN,
  'GET /sessions/{id}/feedback': SIGNED_IN,
  // Cohort board: decided by the cohort (its trainees read and ask, staff announce and moderate,
  // teachers accept and pin; 404 outside it), a teacher may hold any role: cohort-board.e2e-spec.ts.
  'GET /cohorts/{id}/announcements': SIGNED_IN,
  'POST /cohorts/{id}/announcements': SIGNED_IN,
  'PATCH /announcements/{id}': SIGNED_IN,
  'DELETE /announcements/{id}': SIGNED_IN,
  'GET /cohorts/{id}/questions': SIGNED_IN,
  'POST /cohorts/{id}/questions': SIGNED_IN,
  'POST /questions/{id}/answers': SIGNED_IN,
  'POST /questions/{id}/accept': SIGNED_IN,
  'POST /questions/{id}/pin': SIGNED_IN,
  'POST /questions/{id}/hide': SIGNED_IN,
  'POST /questions/{id}/restore': SIGNED_IN,
  'POST /answers/{id}/hide': SIGNED_IN,
  'POST /answers/{id}/restore': SIGNED_IN,
  'PUT /questions/{id}/attachment': SIGNED_IN,
  'GET /questions/{id}/attachment': SIGNED_IN,
  // Signed by LiveKit over the raw body instead of a token.
  'POST /livekit/webhook': PUBLIC,

  // Certificates and reporting, as the contract (API.md) names them.
  'POST /cohorts/{id}/certificates': ADMIN,
  'GET /cohorts/{id}/certificates': SIGNED_IN,
  'GET /me/certificates': SIGNED_IN,
  'GET /certificates/{id}/pdf': SIGNED_IN,
  'POST /certificates/{id}/revoke': ADMIN,
  'GET /public/certificates/{code}': PUBLIC,
  'GET /reports/overview': ADMIN,
  'GET /reports/beneficiaries.csv': ADMIN,
  // Learning gain and satisfaction (issue 17; reports-outcomes.e2e-spec.ts).
  'GET /reports/learning-gain': ADMIN,
  'GET /reports/learning-gain.csv': ADMIN,
  'GET /reports/satisfaction': ADMIN,
  'GET /reports/satisfaction.csv': ADMIN,
  'GET /audit': ADMIN,
  'GET /me/notifications': SIGNED_IN,
  // The bell's live stream of one's own unread count (issue 18).
  'GET /me/notifications/stream': SIGNED_IN,
  'POST /me/notifications/read': SIGNED_IN,
  // Calendar feeds (issue 18): one's own feed URL; the feed itself is fetched by calendar apps with
  // its secret URL and no account (calendar-feeds.e2e-spec.ts).
  'GET /me/calendar-feed': SIGNED_IN,
  'POST /me/calendar-feed': SIGNED_IN,
  'DELETE /me/calendar-feed': SIGNED_IN,
  'GET /calendar/{token}.ics': PUBLIC,
  // Notice preferences (issue 18; notices.e2e-spec.ts).
  'GET /me/notification-preferences': SIGNED_IN,
  'PUT /me/notification-preferences': SIGNED_IN,
  // The class chat (issue 18): written by the room's hosts and trainees, read by the cohort, a host
  // deletes; decided by cohort and join window in chat.e2e-spec.ts.
  'POST /sessions/{id}/chat': SIGNED_IN,
  'GET /sessions/{id}/chat': SIGNED_IN,
  'DELETE /sessions/{id}/chat/{messageId}': SIGNED_IN,
};

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...ROLES];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  key: string;
  parameters: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** An event stream never ends by itself: its first bytes show the caller got past the guard. */
function untilFirstBytes(
  res: NodeJS.ReadableStream & { headers: Record<string, string> },
  callback: (error: Error | null, body: unknown) => void,
): void {
  if (!String(res.headers['content-type']).startsWith('text/event-stream')) {
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString()));
    res.on('end', () => callback(null, text ? JSON.parse(text) : {}));
    return;
  }
  res.once('data', () => {
    callback(null, {});
    (res as unknown as { destroy: () => void }).destroy();
  });
}

const document = JSON.parse(readFileSync(resolve(__dirname, '../openapi.json'), 'utf8'));
const operations: Operation[] = Object.entries(
  document.paths as Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'key'>>>,
).flatMap(([path, item]) =>
  METHODS.filter((method) => item[method]).map((method) => ({
    ...item[method],
    parameters: item[method].parameters ?? [],
    method,
    path,
    key: `${method.toUpperCase()} ${path.replace(/^\/api/, '')}`,
  })),
);

const normalized = (key: string) => key.replace(/\{[^}]+\}/g, '{}');
const RULES = new Map(Object.entries(EXPECTED).map(([key, rule]) => [normalized(key), rule]));
const ruleOf = (operation: Operation) => RULES.get(normalized(operation.key));

/** A small body the schema accepts as far as a generator can tell; ids are made up. */
function sample(schema: Schema | undefined): unknown {
  if (!schema) return {};
  if (schema.$ref) return sample(document.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf) return sample(schema.allOf[0]);
  if (schema.oneOf) return sample(schema.oneOf[0]);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sample(schema.properties?.[name])]),
      );
    case 'array':
      return schema.minItems ? [sample(schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'date') return '2031-01-01';
      if (schema.format === 'email') return `matrix-${randomUUID().slice(0, 8)}@academy.test`;
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 12));
  }
}

describe('Security: authorization matrix from the OpenAPI document (e2e)', () => {
  let sut: TestApp;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    sut = await TestApp.start();
    const world = await createCohortWorld(sut, 1);
    Object.assign(tokens, {
      admin: world.admin,
      coordinator: world.coordinator.token,
      expert: world.expert.token,
      trainee: world.trainees[0].token,
    });
  });
  afterAll(async () => {
    await clearRateLimits(sut);
    await sut.close();
  });

  const call = (operation: Operation, caller: Caller): Test => {
    const url = operation.path.replace(/\{[^}]+\}/g, () => randomUUID());
    let req = sut.http[operation.method](url);
    const query = Object.fromEntries(
      operation.parameters
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => [p.name, sample(p.schema)]),
    );
    if (Object.keys(query).length > 0) req = req.query(query);
    if (caller !== 'anonymous') req = req.auth(tokens[caller] as string, { type: 'bearer' });
    if (operation.responses?.['200']?.content?.['text/event-stream'])
      return req.buffer(true).parse(untilFirstBytes as never);
    const content = operation.requestBody?.content ?? {};
    if (content['multipart/form-data'])
      return req.attach('file', Buffer.from('email,full_name\nmatrix@academy.test,Matrix\n'), 'people.csv');
    if (content['application/json'] || operation.method !== 'get')
      return req.send(sample(content['application/json']?.schema) as object);
    return req;
  };

  it('reads a document with routes', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('has a rule for every route of the document (add new routes to EXPECTED)', () => {
    expect(operations.filter((o) => !ruleOf(o)).map((o) => o.key)).toEqual([]);
  });

  it('documents the bearer token on exactly the routes that need one', () => {
    const wrong = operations.filter((o) => {
      const rule = ruleOf(o);
      const documented = (o.security ?? []).length > 0;
      return rule && documented !== (rule.kind === 'roles');
    });
    expect(wrong.map((o) => o.key)).toEqual([]);
  });

  it('answers every route for every caller as the table says, and never with a 5xx', async () => {
    const mismatches: string[] = [];
    // Signing out ends the session whose token the table uses: it comes last.
    const signOutLast = [
      ...operations.filter((o) => o.key !== 'POST /auth/logout'),
      ...operations.filter((o) => o.key === 'POST /auth/logout'),
    ];
    for (const operation of signOutLast) {
      const rule = ruleOf(operation);
      if (!rule) continue;
      for (const caller of CALLERS) {
        const res = await call(operation, caller);
        const refusedByGuard = res.status === 401 && res.body?.message === MISSING_TOKEN;
        let expected: string;
        let ok: boolean;
        if (rule.kind === 'public') {
          expected = 'past the guard';
          ok = !refusedByGuard;
        } else if (caller === 'anonymous') {
          expected = '401';
          ok = refusedByGuard;
        } else if (rule.roles.includes(caller)) {
          expected = 'past the guard';
          ok = res.status !== 401 && res.status !== 403;
        } else {
          expected = '403';
          ok = res.status === 403;
        }
        if (res.status >= 500) ok = false;
        if (!ok)
          mismatches.push(
            `${operation.key} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body?.message ?? '')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** Past the guard, a recording is for its cohort's enrolled trainees and staff; everyone else gets 404. */
describe('Security: who may watch a recording, by cohort (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let recordingId: string;
  const callers: Record<string, string> = {};
  const BYTES = Buffer.from('not really a video, but bytes all the same');

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 2);
    const session = await sut.http
      .post(`/api/cohorts/${world.cohortId}/sessions`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({
        title: 'Enregistrée',
        startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
        durationMinutes: 60,
        mode: 'remote',
      })
      .expect(201);
    const sessionId = session.body.items[0].id as string;
    // The recording as egress_ended leaves it (recordings.e2e-spec.ts goes through Egress itself).
    recordingId = randomUUID();
    const key = `recordings/${sessionId}/${recordingId}.mp4`;
    mkdirSync(dirname(resolve(process.env.DATA_DIR as string, 'files', key)), { recursive: true });
    writeFileSync(resolve(process.env.DATA_DIR as string, 'files', key), BYTES);
    await sut.dataSource.query(
      `INSERT INTO recordings (id, session_id, egress_id, status, started_by, started_at, ended_at, duration_seconds, video_key, video_size_bytes)
       VALUES ($1, $2, $3, 'ended', $4, now() - interval '3 hours', now() - interval '2 hours', 3600, $5, $6)`,
      [recordingId, sessionId, `EG_${recordingId}`, world.expert.id, key, BYTES.length],
    );
    const otherCentre = await sut.http
      .post('/api/centres')
      .auth(world.admin, { type: 'bearer' })
      .send({ name: `Centre ${randomUUID().slice(0, 6)}`, city: 'Oujda' })
      .expect(201);
    const withdrawn = world.trainees[1];
    await sut.http
      .delete(`/api/cohorts/${world.cohortId}/enrollments/${withdrawn.id}`)
      .auth(world.admin, { type: 'bearer' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    Object.assign(callers, {
      admin: world.admin,
      'coordinator of the centre': world.coordinator.token,
      'teacher of the cohort': world.expert.token,
      'enrolled trainee': world.trainees[0].token,
      'trainee of the centre, not enrolled': world.outsider.token,
      'withdrawn trainee': withdrawn.token,
      'another expert': (await sut.createUser('expert')).token,
      'coordinator of another centre': (
        await sut.createUser('coordinator', { centreId: otherCentre.body.id })
      ).token,
    });
  });
  afterAll(async () => {
    await clearRateLimits(sut);
    await sut.close();
  });

  it('serves the cohort’s enrolled trainees and staff, and answers 404 to everyone else', async () => {
    const allowed = ['admin', 'coordinator of the centre', 'teacher of the cohort', 'enrolled trainee'];
    const answers: Record<string, number[]> = {};
    for (const [caller, token] of Object.entries(callers)) {
      answers[caller] = [];
      for (const path of [
        `/api/recordings/${recordingId}/video`,
        `/api/recordings/${recordingId}/video/link`,
      ]) {
        answers[caller].push((await sut.http.get(path).auth(token, { type: 'bearer' })).status);
      }
    }
    expect(answers).toEqual(
      Object.fromEntries(Object.keys(callers).map((c) => [c, allowed.includes(c) ? [200, 200] : [404, 404]])),
    );
  });
});
