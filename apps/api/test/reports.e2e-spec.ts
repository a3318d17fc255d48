import { DEFAULT_TIME_ZONE } from '@mre/contracts';
import { randomUUID } from 'node:crypto';
import { wallClockOf } from '@/core/time/wall-clock';
import { refreshPresence } from '@/modules/attendance/attendance.queries';
import { TestApp, TestUser } from './support/test-app';

const PERIOD = 'from=2020-01-01&to=2020-12-31';

/**
 * The programme dashboard on a fixture of its own (cohorts of 2020, so that other tests' data stays
 * out of the period): two networks, two centres, both kinds of cohort, a person in two cohorts,
 * waitlisted and withdrawn people, a revoked trainer, and attendance with overlaps, open
 * connections and an in-person check-in. Every number is worked out by hand in the comments.
 */
describe('Reports (e2e)', () => {
  let api: TestApp;
  let admin: string;
  let adminId: string;
  const ids: Record<string, string> = {};
  const people: Record<string, TestUser> = {};
  let tag: string;

  const post = async (path: string, body: object) =>
    (await api.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
  const sql = (query: string, params: unknown[]) => api.dataSource.query(query, params);
  /** A session written straight into the table, in the past, with its wall-clock start in Casablanca. */
  const insertSession = async (
    cohortKey: string,
    startsAt: string,
    minutes: number,
    status = 'scheduled',
  ) => {
    const id = randomUUID();
    const start = new Date(startsAt);
    await sql(
      `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
       VALUES ($1, $2, 'S', $3, $4, $5, $6, 'remote', $7, $8, $9)`,
      [
        id,
        ids[cohortKey],
        start,
        new Date(start.getTime() + minutes * 60_000),
        wallClockOf(start, DEFAULT_TIME_ZONE),
        DEFAULT_TIME_ZONE,
        status,
        `mre-${id}`,
        adminId,
      ],
    );
    return id;
  };

  beforeAll(async () => {
    api = await TestApp.start();
    admin = await api.adminToken();
    adminId = (await api.http.get('/api/me').auth(admin, { type: 'bearer' }).expect(200)).body.id;
    tag = randomUUID().slice(0, 6);

    ids.n1 = (
      await post('/api/networks', { name: `A-Aéro ${tag}`, country: 'Canada', sectorCodes: ['aeronautics'] })
    ).id;
    ids.n2 = (
      await post('/api/networks', { name: `B-Santé ${tag}`, country: 'Allemagne', sectorCodes: ['health'] })
    ).id;
    ids.c1 = (await post('/api/centres', { name: `Kénitra rapport ${tag}`, city: 'Kénitra' })).id;
    ids.c2 = (await post('/api/centres', { name: `Salé rapport ${tag}`, city: 'Salé' })).id;
    const course = async (network: string, sectorCode: string, hours: number) =>
      (
        await post('/api/courses', {
          code: `R-${sectorCode.slice(0, 3)}-${tag}`,
          title: { fr: `Cours ${sectorCode}` },
          sectorCode,
          networkId: network,
          format: 'remote',
          durationHours: hours,
          status: 'published',
        })
      ).id;
    ids.k1 = await course(ids.n1, 'aeronautics', 20);
    ids.k2 = await course(ids.n2, 'health', 10);

    const expert = await api.createUser('expert');
    const names: Record<string, string> = {
      trainerA: 'Amine Formateur',
      trainerB: 'Brahim Formateur',
      w1: 'Wafa Attente',
      p1: '=HYPERLINK("http://evil.test","x")',
      p2: 'Deux Cohortes',
      p3: 'Retiré Trois',
      p4: '@SUM(1+1)',
      p5: 'Cinq Présent',
      p6: 'Six Attente',
      p7: 'Sept Révoqué',
      p8: 'Huit Terminé',
    };
    // Made directly (no sign-in each): only p1 needs a token, to be refused the reports.
    for (const [key, fullName] of Object.entries(names)) {
      const email = `${key.toLowerCase()}-${tag}@reports.test`;
      const user = await post('/api/users', {
        email,
        fullName,
        role: 'trainee',
        password: 'a-good-password',
      });
      people[key] = { id: user.id, email, password: 'a-good-password', token: '' };
    }
    people.p1.token = await api.login(people.p1.email, people.p1.password);

    const cohort = async (
      key: string,
      course: string,
      centre: string,
      kind: string,
      capacity: number,
      teacherIds: string[],
    ) => {
      ids[key] = (
        await post('/api/cohorts', {
          courseId: course,
          name: `${key} ${tag}`,
          kind,
          centreId: centre,
          capacity,
          startsOn: '2020-01-01',
          endsOn: '2020-12-31',
          teacherIds,
        })
      ).id;
    };
    const enroll = async (cohortKey: string, ...keys: string[]) => {
      for (const key of keys)
        await post(`/api/cohorts/${ids[cohortKey]}/enrollments`, { userId: people[key].id });
    };

    // T1: N1's trainers cohort at C1; capacity 2, so w1 waits. trainerB later completes.
    await cohort('T1', ids.k1, ids.c1, 'trainers', 2, [expert.id]);
    await enroll('T1', 'trainerA', 'trainerB', 'w1');
    await sql(`UPDATE enrollments SET status = 'completed' WHERE cohort_id = $1 AND user_id = $2`, [
      ids.T1,
      people.trainerB.id,
    ]);
    // trainerA holds a valid certificate of T1; trainerB's was revoked.
    for (const [key, status] of [
      ['trainerA', 'valid'],
      ['trainerB', 'revoked'],
    ] as const) {
      await sql(
        `INSERT INTO certificates (id, code, cohort_id, user_id, holder_name, course_title, cohort_name, cohort_kind, centre_name, network_name, hours, issued_at, status, revoked_at)
         VALUES ($1, $2, $3, $4, $5, '{"fr":"Cours aeronautics"}', 'T1', 'trainers', 'Kénitra', 'A-Aéro', 20, '2020-06-30T12:00:00Z', $6, $7)`,
        [
          randomUUID(),
          randomUUID().replace(/-/g, '').toUpperCase(),
          ids.T1,
          people[key].id,
          names[key],
          status,
          status === 'revoked' ? new Date() : null,
        ],
      );
    }
    // A: N1 trainees at C1; p3 withdraws.
    await cohort('A', ids.k1, ids.c1, 'trainees', 10, [expert.id]);
    await enroll('A', 'p1', 'p2', 'p3');
    await api.http
      .delete(`/api/cohorts/${ids.A}/enrollments/${people.p3.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    // B: N2 trainees at C2 taught by the certified trainerA; capacity 3, so p6 waits. p2 is also in A.
    await cohort('B', ids.k2, ids.c2, 'trainees', 3, [people.trainerA.id]);
    await enroll('B', 'p2', 'p4', 'p5', 'p6');
    // D: N2 trainees at C2 taught by trainerB, whose certificate was revoked (set in the table: the API refuses it).
    await cohort('D', ids.k2, ids.c2, 'trainees', 10, [expert.id]);
    await sql(`INSERT INTO cohort_teachers (cohort_id, user_id) VALUES ($1, $2)`, [
      ids.D,
      people.trainerB.id,
    ]);
    await enroll('D', 'p7');
    // E: N2 trainees at C1 taught by trainerA; p4 again, p8 completed.
    await cohort('E', ids.k2, ids.c1, 'trainees', 10, [people.trainerA.id]);
    await enroll('E', 'p4', 'p8');
    await sql(`UPDATE enrollments SET status = 'completed' WHERE cohort_id = $1 AND user_id = $2`, [
      ids.E,
      people.p8.id,
    ]);

    const sessionIds: string[] = [];
    const session = async (cohortKey: string, startsAt: string, minutes: number, status = 'scheduled') => {
      const id = await insertSession(cohortKey, startsAt, minutes, status);
      sessionIds.push(id);
      return { id, start: new Date(startsAt).getTime() };
    };
    const segment = async (s: { id: string; start: number }, key: string, from: number, to: number | null) =>
      sql(
        `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
        [
          s.id,
          `PA_${randomUUID()}`,
          people[key].id,
          new Date(s.start + from * 60_000),
          to === null ? null : new Date(s.start + to * 60_000),
        ],
      );

    // March 2020, cohort A, 60 minutes each: p1 100 + p2 50; p1 100 (overlapping reconnect) + p2, not
    // connected but corrected to present by hand (followed by phone), 100.
    const a1 = await session('A', '2020-03-10T10:00:00Z', 60);
    await segment(a1, 'p1', 0, 60);
    await segment(a1, 'p2', 0, 30);
    const a2 = await session('A', '2020-03-17T10:00:00Z', 60);
    await segment(a2, 'p1', 0, 40);
    await segment(a2, 'p1', 30, 60);
    await sql(
      `INSERT INTO attendance_marks (session_id, user_id, corrected_status, correction_reason, corrected_by, corrected_at) VALUES ($1, $2, 'present', 'Followed by phone', $3, now())`,
      [a2.id, people.p2.id, adminId],
    );
    // April 2020, cohort B, 90 minutes: p2 checked in at the centre 100, p4 still connected at the end 50,
    // p5 joined early and left at 45 minutes 50; the waitlisted p6 and the teacher are not counted.
    const b1 = await session('B', '2020-04-01T10:00:00Z', 90);
    await sql(
      `INSERT INTO attendance_marks (session_id, user_id, checked_in_at, checked_in_by) VALUES ($1, $2, $3, $4)`,
      [b1.id, people.p2.id, new Date(b1.start), adminId],
    );
    await segment(b1, 'p4', 45, null);
    await segment(b1, 'p5', -10, 45);
    await segment(b1, 'p6', 0, 90);
    await segment(b1, 'trainerA', 0, 90);
    // Not held in the period: cancelled, or after it.
    await segment(await session('A', '2020-03-24T10:00:00Z', 60, 'cancelled'), 'p1', 0, 60);
    await segment(await session('A', '2021-01-05T10:00:00Z', 60), 'p1', 0, 60);
    // The segments were written here rather than by the worker: store their presence as it would.
    await sql(
      ...refreshPresence([
        'SELECT session_id, user_id FROM attendance_segments WHERE session_id = ANY($1::uuid[])',
        [sessionIds],
      ]),
    );
  });

  afterAll(async () => {
    await api.close();
  });

  const overview = async (filters: string) =>
    (await api.http.get(`/api/reports/overview?${filters}`).auth(admin, { type: 'bearer' }).expect(200)).body;
  const mine = <T extends { networkId: string }>(rows: T[]) =>
    rows.filter((r) => r.networkId === ids.n1 || r.networkId === ids.n2);

  it('counts each beneficiary once, by network, sector, centre and kind of cohort, and what was delivered', async () => {
    const report = await overview(PERIOD);
    // trainerA, trainerB (completed), p1, p2 (in A and B), p4 (in B and E), p5, p7, p8 (completed);
    // w1 and p6 wait, p3 withdrew.
    expect(report.beneficiaries).toEqual({
      total: 8,
      byNetwork: [
        { networkId: ids.n2, name: `B-Santé ${tag}`, count: 5 },
        { networkId: ids.n1, name: `A-Aéro ${tag}`, count: 4 },
      ],
      bySector: [
        { sectorCode: 'health', count: 5 },
        { sectorCode: 'aeronautics', count: 4 },
      ],
      byCentre: [
        { centreId: ids.c1, name: `Kénitra rapport ${tag}`, count: 6 },
        { centreId: ids.c2, name: `Salé rapport ${tag}`, count: 4 },
      ],
      byCohortKind: [
        { kind: 'trainees', count: 6 },
        { kind: 'trainers', count: 2 },
      ],
    });
    // 3 sessions held (60 + 60 + 90 minutes); attendance (100 + 50 + 100 + 100 + 100 + 50 + 50) / 7.
    expect(report).toMatchObject({
      sessionsHeld: 3,
      hoursDelivered: 3.5,
      averageAttendancePercent: 78.6,
      certificatesIssued: 1,
    });
    expect(report.byMonth).toEqual([
      { month: '2020-03', sessionsHeld: 2, hoursDelivered: 2, averageAttendancePercent: 87.5 },
      { month: '2020-04', sessionsHeld: 1, hoursDelivered: 1.5, averageAttendancePercent: 66.7 },
    ]);
  });

  it('follows the train-the-trainer cascade: trainees of the trainers a network certified, each once', async () => {
    const report = await overview(PERIOD);
    // N1 certified trainerA (trainerB's certificate is revoked), who teaches B and E: p2, p4, p5, p8,
    // less p2 who is a direct beneficiary of N1 already; p4 (in both) counts once.
    expect(mine(report.cascade)).toEqual([
      {
        networkId: ids.n1,
        name: `A-Aéro ${tag}`,
        direct: 4,
        indirect: 3,
        chain: [
          {
            trainersCohortId: ids.T1,
            trainersCohortName: `T1 ${tag}`,
            certifiedTrainers: 1,
            taughtCohorts: 2,
            trainees: 3,
          },
        ],
      },
      { networkId: ids.n2, name: `B-Santé ${tag}`, direct: 5, indirect: 0, chain: [] },
    ]);
  });

  it('applies the network, sector and centre filters', async () => {
    const n2 = await overview(`${PERIOD}&networkId=${ids.n2}`);
    expect(n2.beneficiaries).toMatchObject({
      total: 5,
      byNetwork: [{ networkId: ids.n2, count: 5 }],
      bySector: [{ sectorCode: 'health', count: 5 }],
    });
    expect(n2).toMatchObject({
      sessionsHeld: 1,
      hoursDelivered: 1.5,
      averageAttendancePercent: 66.7,
      certificatesIssued: 0,
    });
    expect(n2.cascade).toEqual([
      { networkId: ids.n2, name: `B-Santé ${tag}`, direct: 5, indirect: 0, chain: [] },
    ]);

    const aero = await overview(`${PERIOD}&sectorCode=aeronautics`);
    expect(aero.beneficiaries.total).toBe(4);
    expect(aero).toMatchObject({ sessionsHeld: 2, certificatesIssued: 1 });

    // At Salé (B, D): N1 has no cohort there, but its trainer reached p2, p4 and p5.
    const sale = await overview(`${PERIOD}&centreId=${ids.c2}`);
    expect(sale.beneficiaries).toMatchObject({ total: 4, byCentre: [{ centreId: ids.c2, count: 4 }] });
    expect(mine(sale.cascade)).toEqual([
      {
        networkId: ids.n1,
        name: `A-Aéro ${tag}`,
        direct: 0,
        indirect: 3,
        chain: [expect.objectContaining({ certifiedTrainers: 1, taughtCohorts: 1, trainees: 3 })],
      },
      { networkId: ids.n2, name: `B-Santé ${tag}`, direct: 4, indirect: 0, chain: [] },
    ]);

    // Outside the period nothing of the fixture counts.
    const later = await overview(`from=2019-01-01&to=2019-12-31&networkId=${ids.n1}`);
    expect(later).toMatchObject({
      beneficiaries: { total: 0 },
      sessionsHeld: 0,
      hoursDelivered: 0,
      averageAttendancePercent: null,
      certificatesIssued: 0,
      byMonth: [],
      cascade: [],
    });
  });

  it('exports one CSV row per person and cohort for Excel in the reader’s language, with formula-like cells escaped', async () => {
    const res = await api.http
      .get(`/api/reports/beneficiaries.csv?${PERIOD}&networkId=${ids.n1}`)
      .auth(admin, { type: 'bearer' })
      .buffer(true)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('beneficiaries.csv');
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    // The admin reads the app in French: French words, and the `;` a French Excel splits on.
    expect(lines[0]).toBe('Nom complet;E-mail;Réseau;Secteur;Centre;Cohorte;Type de cohorte;Statut');
    // A: p1, p2; T1: trainerA, trainerB.
    expect(lines).toHaveLength(5);
    expect(lines).toContain(
      `"'=HYPERLINK(""http://evil.test"",""x"")";${people.p1.email};A-Aéro ${tag};Aéronautique;Kénitra rapport ${tag};A ${tag};Stagiaires;Inscrit`,
    );
    expect(lines).toContain(
      `Brahim Formateur;${people.trainerB.email};A-Aéro ${tag};Aéronautique;Kénitra rapport ${tag};T1 ${tag};Formation de formateurs;Terminé`,
    );

    // In English: commas.
    await api.http.patch('/api/me').auth(admin, { type: 'bearer' }).send({ locale: 'en' }).expect(200);
    try {
      const english = (
        await api.http
          .get(`/api/reports/beneficiaries.csv?${PERIOD}&networkId=${ids.n1}`)
          .auth(admin, { type: 'bearer' })
          .buffer(true)
          .expect(200)
      ).text
        .slice(1)
        .trimEnd()
        .split('\r\n');
      expect(english[0]).toBe('Full name,E-mail,Network,Sector,Centre,Cohort,Kind of cohort,Status');
      expect(english).toContain(
        `Brahim Formateur,${people.trainerB.email},A-Aéro ${tag},Aeronautics,Kénitra rapport ${tag},T1 ${tag},Training of trainers,Completed`,
      );
    } finally {
      await api.http.patch('/api/me').auth(admin, { type: 'bearer' }).send({ locale: 'fr' }).expect(200);
    }

    const all = (
      await api.http
        .get(`/api/reports/beneficiaries.csv?${PERIOD}&centreId=${ids.c2}`)
        .auth(admin, { type: 'bearer' })
        .buffer(true)
        .expect(200)
    ).text;
    // B: p2, p4, p5; D: p7 (p6 waits).
    expect(all.slice(1).trimEnd().split('\r\n')).toHaveLength(5);
    expect(all).toContain(`'@SUM(1+1);${people.p4.email}`);
  });

  it('names networks and centres in the reader’s language in the beneficiaries CSV, else in one they have', async () => {
    const csv = async (locale: 'ar' | 'en') => {
      await api.http.patch('/api/me').auth(admin, { type: 'bearer' }).send({ locale }).expect(200);
      const res = await api.http
        .get(`/api/reports/beneficiaries.csv?${PERIOD}&networkId=${ids.n1}`)
        .auth(admin, { type: 'bearer' })
        .buffer(true)
        .expect(200);
      return res.text.slice(1).trimEnd().split('\r\n');
    };
    // The French names stay as they were: only an Arabic one is added.
    await api.http
      .patch(`/api/networks/${ids.n1}`)
      .auth(admin, { type: 'bearer' })
      .send({ names: { fr: `A-Aéro ${tag}`, ar: `أ-الطيران ${tag}` } })
      .expect(200);
    await api.http
      .patch(`/api/centres/${ids.c1}`)
      .auth(admin, { type: 'bearer' })
      .send({ names: { fr: `Kénitra rapport ${tag}`, ar: `القنيطرة تقرير ${tag}` } })
      .expect(200);
    try {
      const arabic = await csv('ar');
      expect(arabic[0]).toBe('الاسم الكامل;البريد الإلكتروني;الشبكة;القطاع;المركز;الفوج;نوع الفوج;الحالة');
      expect(arabic).toContain(
        `Brahim Formateur;${people.trainerB.email};أ-الطيران ${tag};صناعة الطيران;القنيطرة تقرير ${tag};T1 ${tag};تكوين المكونين;أنهى الدورة`,
      );
      // No English name: the French one, as the app shows it.
      expect(await csv('en')).toContain(
        `Brahim Formateur,${people.trainerB.email},A-Aéro ${tag},Aeronautics,Kénitra rapport ${tag},T1 ${tag},Training of trainers,Completed`,
      );
    } finally {
      await api.http.patch('/api/me').auth(admin, { type: 'bearer' }).send({ locale: 'fr' }).expect(200);
    }
  });

  it('is for admins, with validated filters', async () => {
    await api.http.get('/api/reports/overview').auth(people.p1.token, { type: 'bearer' }).expect(403);
    await api.http
      .get('/api/reports/beneficiaries.csv')
      .auth(people.p1.token, { type: 'bearer' })
      .expect(403);
    const bad = await api.http
      .get('/api/reports/overview?sectorCode=cooking&from=2020-02-30&networkId=x')
      .auth(admin, { type: 'bearer' })
      .expect(400);
    expect(bad.body.message).toHaveLength(3);
  });
  /**
   * Months and days are the programme's calendar, with the runtime's current tz rules. IANA tzdb
   * 2026c or later: Africa/Casablanca is UTC+0 all year from 2026-09-20 02:00 local; before that UTC+1
   * except Ramadan. Older rules (still in many PostgreSQL installs) keep UTC+1 after that date.
   */
  describe("in the programme's time zone", () => {
    beforeAll(async () => {
      ids.n3 = (
        await post('/api/networks', { name: `C-Fuseau ${tag}`, country: 'France', sectorCodes: ['digital'] })
      ).id;
      const course = await post('/api/courses', {
        code: `R-tz-${tag}`,
        title: { fr: 'Cours fuseau' },
        sectorCode: 'digital',
        networkId: ids.n3,
        format: 'remote',
        durationHours: 2,
        status: 'published',
      });
      ids.M = (
        await post('/api/cohorts', {
          courseId: course.id,
          name: `M ${tag}`,
          kind: 'trainees',
          centreId: ids.c1,
          capacity: 10,
          startsOn: '2026-08-01',
          endsOn: '2026-11-30',
          teacherIds: [],
        })
      ).id;
      // 00:30 on 1 September in Casablanca (UTC+1 then): September, though August in UTC.
      await insertSession('M', '2026-08-31T23:30:00Z', 60);
      // 23:30 on 31 October in Casablanca (UTC+0 now): October, where the old rule says 00:30 on 1 November.
      await insertSession('M', '2026-10-31T23:30:00Z', 60);
    });

    const month = (label: string) => ({
      month: label,
      sessionsHeld: 1,
      hoursDelivered: 1,
      averageAttendancePercent: null,
    });

    it('counts each held session in the month it started in Casablanca', async () => {
      expect((await overview(`networkId=${ids.n3}`)).byMonth).toEqual([month('2026-09'), month('2026-10')]);
      expect((await overview(`from=2026-08-01&to=2026-11-30&networkId=${ids.n3}`)).byMonth).toEqual([
        month('2026-09'),
        month('2026-10'),
      ]);
    });

    it('takes from and to as whole days in Casablanca', async () => {
      const held = async (period: string) => (await overview(`${period}&networkId=${ids.n3}`)).sessionsHeld;
      // 31 October 23:30: up to 31 October, not from 1 November.
      expect(await held('from=2026-10-01&to=2026-10-31')).toBe(1);
      expect(await held('from=2026-11-01&to=2026-11-30')).toBe(0);
      // 1 September 00:30: not up to 31 August, but on 1 September.
      expect(await held('from=2026-08-01&to=2026-08-31')).toBe(0);
      expect(await held('from=2026-09-01&to=2026-09-01')).toBe(1);
    });

    it('uses the zone PROGRAMME_TIME_ZONE names', async () => {
      // Toronto (UTC-4 until 1 November): 19:30 on 31 August and 19:30 on 31 October.
      const before = process.env.PROGRAMME_TIME_ZONE;
      process.env.PROGRAMME_TIME_ZONE = 'America/Toronto';
      const toronto = await TestApp.start().finally(() => {
        if (before === undefined) delete process.env.PROGRAMME_TIME_ZONE;
        else process.env.PROGRAMME_TIME_ZONE = before;
      });
      try {
        const report = async (filters: string) =>
          (
            await toronto.http
              .get(`/api/reports/overview?${filters}&networkId=${ids.n3}`)
              .auth(admin, { type: 'bearer' })
              .expect(200)
          ).body;
        expect((await report('from=2026-08-01&to=2026-11-30')).byMonth).toEqual([
          month('2026-08'),
          month('2026-10'),
        ]);
        expect((await report('from=2026-08-31&to=2026-08-31')).sessionsHeld).toBe(1);
        expect((await report('from=2026-09-01&to=2026-09-30')).sessionsHeld).toBe(0);
      } finally {
        await toronto.close();
      }
    });
  });
});
