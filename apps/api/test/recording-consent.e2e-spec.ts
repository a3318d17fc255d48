import { RECORDING_CONSENT_TEXT_VERSION } from '@mre/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { TestApp } from './support/test-app';

/**
 * Recording consent (issue 19): the cohort's statement, each enrolled person's answer stored with
 * who, when and which wording, and what a host learns before starting a recording.
 */
describe('Recording consent (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let sessionId: string;

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(path).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) => sut.http.put(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => sut.http.patch(path).auth(token, { type: 'bearer' }).send(body),
  });
  const consentPath = () => `/api/cohorts/${world.cohortId}/recording-consent`;

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 3);
    const res = await sut.http
      .post(`/api/cohorts/${world.cohortId}/sessions`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({
        title: 'Séance enregistrable',
        startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        durationMinutes: 60,
        mode: 'remote',
      })
      .expect(201);
    sessionId = res.body.items[0].id;
  });

  afterAll(() => sut.close());

  it('lets the cohort say whether its sessions may be recorded (yes unless changed)', async () => {
    const cohort = (await as(world.admin).get(`/api/cohorts/${world.cohortId}`).expect(200)).body;
    expect(cohort.recordingAllowed).toBe(true);
    const changed = (
      await as(world.admin).patch(`/api/cohorts/${world.cohortId}`, { recordingAllowed: false }).expect(200)
    ).body;
    expect(changed.recordingAllowed).toBe(false);
    await as(world.admin).patch(`/api/cohorts/${world.cohortId}`, { recordingAllowed: 'maybe' }).expect(400);

    const notice = (await as(world.trainees[0].token).get(consentPath()).expect(200)).body;
    expect(notice).toEqual({
      recordingAllowed: false,
      textVersion: RECORDING_CONSENT_TEXT_VERSION,
      mine: null,
    });
    await as(world.admin).patch(`/api/cohorts/${world.cohortId}`, { recordingAllowed: true }).expect(200);
  });

  it("stores each enrolled person's answer with who, when and which wording, audited", async () => {
    const [objector] = world.trainees;
    const before = Date.now();
    const res = await as(objector.token)
      .put(consentPath(), { choice: 'objected', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(200);
    expect(res.body).toEqual({
      recordingAllowed: true,
      textVersion: RECORDING_CONSENT_TEXT_VERSION,
      mine: {
        choice: 'objected',
        textVersion: RECORDING_CONSENT_TEXT_VERSION,
        decidedAt: expect.any(String),
      },
    });
    expect(new Date(res.body.mine.decidedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const [row] = await sut.dataSource.query(
      `SELECT user_id, choice, text_version, decided_at FROM recording_consents WHERE cohort_id = $1 AND user_id = $2`,
      [world.cohortId, objector.id],
    );
    expect(row).toMatchObject({
      user_id: objector.id,
      choice: 'objected',
      text_version: RECORDING_CONSENT_TEXT_VERSION,
    });
    const audit = (
      await as(world.admin).get(`/api/audit?entity=cohort&entityId=${world.cohortId}`).expect(200)
    ).body.items;
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'recording-consent.objected', actorId: objector.id }),
    );
    // Read back on the next visit (the pre-join screen).
    expect((await as(objector.token).get(consentPath()).expect(200)).body.mine.choice).toBe('objected');
  });

  it('refuses an outdated wording, a bad choice, and people not enrolled', async () => {
    const [, trainee] = world.trainees;
    await as(trainee.token).put(consentPath(), { choice: 'objected', textVersion: '2020-01' }).expect(400);
    await as(trainee.token)
      .put(consentPath(), { choice: 'perhaps', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(400);
    await as(world.outsider.token)
      .put(consentPath(), { choice: 'accepted', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(404);
    await as(world.outsider.token).get(consentPath()).expect(404);
    await as(world.expert.token)
      .put(consentPath(), { choice: 'accepted', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(403);
  });

  it('tells the hosts who objected before they start a recording, and nobody else', async () => {
    const [objector, accepting] = world.trainees;
    await as(accepting.token)
      .put(consentPath(), { choice: 'accepted', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(200);

    const seen = (
      await as(world.expert.token).get(`/api/sessions/${sessionId}/recording-consent`).expect(200)
    ).body;
    expect(seen).toEqual({
      recordingAllowed: true,
      objections: [
        {
          userId: objector.id,
          fullName: expect.stringContaining('Trainee 1'),
          decidedAt: expect.any(String),
        },
      ],
      accepted: 1,
      unanswered: 1,
    });
    await as(world.admin).get(`/api/sessions/${sessionId}/recording-consent`).expect(200);
    await as(accepting.token).get(`/api/sessions/${sessionId}/recording-consent`).expect(403);
    await as(world.coordinator.token).get(`/api/sessions/${sessionId}/recording-consent`).expect(403);
    await as(world.outsider.token).get(`/api/sessions/${sessionId}/recording-consent`).expect(404);
    await as(world.expert.token).get(`/api/sessions/${randomUUID()}/recording-consent`).expect(404);

    // A change of mind: the latest answer counts.
    await as(objector.token)
      .put(consentPath(), { choice: 'accepted', textVersion: RECORDING_CONSENT_TEXT_VERSION })
      .expect(200);
    const after = (
      await as(world.expert.token).get(`/api/sessions/${sessionId}/recording-consent`).expect(200)
    ).body;
    expect(after).toMatchObject({ objections: [], accepted: 2, unanswered: 1 });
  });

  it("is part of the person's data export", async () => {
    const [objector] = world.trainees;
    const res = await sut.http
      .get('/api/me/export')
      .auth(objector.token, { type: 'bearer' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['data.json']));
    expect(data.recordingConsents).toEqual([
      expect.objectContaining({ choice: 'accepted', textVersion: RECORDING_CONSENT_TEXT_VERSION }),
    ]);
  });
});
