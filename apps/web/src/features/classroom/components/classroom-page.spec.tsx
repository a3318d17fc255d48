import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DisconnectReason, LocalParticipant, RoomEvent, type Room, type RoomOptions } from 'livekit-client';
import type { Schemas } from '@mre/api-client';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

/**
 * jsdom has no WebRTC. In the data-saver tests, LiveKit's Room stops its connection once the signal
 * answers (when the tracks chosen before joining are published), and keeps the options it was made with.
 */
const signalOnly = vi.hoisted(() => ({ on: false, rooms: [] as RoomOptions[] }));
/**
 * In the retry test, each new Room plays the next outcome: its connection fails (the service is out
 * of reach) or opens; `opened` holds the rooms that did, to drop them later.
 */
const scripted = vi.hoisted(() => ({ outcomes: [] as ('fail' | 'open')[], opened: [] as Room[] }));
vi.mock('livekit-client', async (importOriginal) => {
  const livekit = await importOriginal<typeof import('livekit-client')>();
  class SignalOnlyRoom extends livekit.Room {
    constructor(options?: RoomOptions) {
      super(options);
      const outcome = scripted.outcomes.shift();
      if (outcome === 'fail')
        this.connect = async () => {
          throw livekit.ConnectionError.serverUnreachable('no answer');
        };
      if (outcome === 'open')
        this.connect = async () => {
          scripted.opened.push(this);
          this.emit(livekit.RoomEvent.Connected);
        };
      if (!signalOnly.on) return;
      signalOnly.rooms.push(this.options);
      this.connect = async () => {
        this.emit(livekit.RoomEvent.SignalConnected);
      };
    }
  }
  return { ...livekit, Room: SignalOnlyRoom };
});

const SESSION_ID = '00000000-0000-4000-8000-000000000501';
const COHORT_ID = '00000000-0000-4000-8000-0000000000b1';
const COURSE_ID = '00000000-0000-4000-8000-0000000000c1';

const trainee: Schemas['UserDto'] = { ...adminUser, role: 'trainee', fullName: 'Salma Trainee' };

const session = sessionDto({
  id: SESSION_ID,
  cohortId: COHORT_ID,
  title: 'Hydraulique',
  startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
});

function classroom(
  join: () => Response,
  shown: Schemas['SessionDto'] = session,
  me: Schemas['UserDto'] = trainee,
  saved: unknown[] = [],
  chat: Schemas['ChatMessageDto'][] = [],
) {
  return fakeFetch({
    'GET /api/me': () => json(200, me),
    'PATCH /api/me': async (request) => {
      const body = await request.json();
      saved.push(body);
      return json(200, { ...me, ...body });
    },
    [`GET /api/sessions/${SESSION_ID}`]: () => json(200, shown),
    [`GET /api/cohorts/${COHORT_ID}`]: () =>
      json(200, { id: COHORT_ID, courseId: COURSE_ID, name: 'Kénitra' }),
    [`GET /api/courses/${COURSE_ID}`]: () =>
      json(200, {
        id: COURSE_ID,
        title: { fr: 'Maintenance aéronautique' },
        modules: [
          {
            id: '00000000-0000-4000-8000-0000000000d1',
            position: 1,
            title: { fr: 'Circuits hydrauliques' },
            materials: [
              { kind: 'file', title: { fr: 'Schémas (PDF)' }, url: 'https://files.example/schemas.pdf' },
            ],
          },
        ],
      }),
    [`POST /api/sessions/${SESSION_ID}/join`]: join,
    [`GET /api/sessions/${SESSION_ID}/chat`]: () => json(200, { items: chat, total: chat.length }),
    [`POST /api/sessions/${SESSION_ID}/chat`]: async (request) => {
      const { text } = (await request.json()) as { text: string };
      const message = {
        id: `00000000-0000-4000-8000-0000000009${String(chat.length).padStart(2, '0')}`,
        sessionId: SESSION_ID,
        authorId: me.id,
        authorName: me.fullName,
        text,
        sentAt: new Date().toISOString(),
        deletedAt: null,
      };
      chat.push(message);
      return json(201, message);
    },
  });
}

const route = `/sessions/${SESSION_ID}/classroom`;

/** The classroom is a lazy chunk that brings LiveKit along: its first load takes a while on a busy machine. */
const findPage = (testId: string) => screen.findByTestId(testId, {}, { timeout: 10_000 });

/** jsdom has no media devices: a camera and a microphone the user has not allowed yet. */
const mediaDevices = {
  enumerateDevices: async () => [
    { deviceId: 'camera-1', groupId: 'g', kind: 'videoinput', label: 'Caméra intégrée' },
    { deviceId: 'microphone-1', groupId: 'g', kind: 'audioinput', label: 'Micro intégré' },
  ],
  // jsdom's DOMException is no Error (a browser's is), so the refusal is made of an Error here.
  getUserMedia: () =>
    Promise.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })),
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};

describe('classroom', () => {
  // Defined for the whole file: LiveKit's device list may subscribe again after a page unmounts.
  // jsdom pages are no secure context, where browsers give media devices.
  beforeAll(() => {
    vi.stubGlobal('isSecureContext', true);
    Object.defineProperty(navigator, 'mediaDevices', {
      value: mediaDevices,
      configurable: true,
      writable: true,
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'mediaDevices');
  });

  it('shows the pre-join screen with device selection and the course materials to download', async () => {
    renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {})) });

    await findPage('pre-join');
    // The device list arrives asynchronously, after the first render.
    await vi.waitFor(
      () => expect((screen.getByTestId('pre-join-camera') as HTMLInputElement).value).toBe('Caméra intégrée'),
      { timeout: 5000 },
    );
    expect((screen.getByTestId('pre-join-microphone') as HTMLInputElement).value).toBe('Micro intégré');
    // Access refused: said, and joining stays possible.
    expect((await screen.findByTestId('media-error')).textContent).toContain('ne peut pas être utilisé');
    const link = await screen.findByRole('link', { name: 'Schémas (PDF)' });
    expect(link.getAttribute('href')).toBe('https://files.example/schemas.pdf');
    // Casablanca keeps UTC+0 all year since 2026 (tz database 2026c), the session's zone as well.
    expect(screen.getByTestId('session-time-zone').textContent).toBe('Casablanca, UTC+0');
    expect(screen.queryByTestId('session-agreed-time')).toBeNull();
  });

  it('shows the questions a teacher pinned on the cohort’s board for the class, and leads to the board', async () => {
    const question = (id: string, body: string, pinned: boolean, hidden = false) => ({
      id,
      cohortId: COHORT_ID,
      body,
      author: { id: trainee.id, fullName: 'سلمى بنعلي', teacher: false },
      createdAt: '2026-12-01T10:00:00Z',
      pinned,
      acceptedAnswerId: null,
      waiting: false,
      hidden,
      hiddenReason: null,
      attachment: null,
      answers: [],
    });
    const board = fakeFetch({
      [`GET /api/cohorts/${COHORT_ID}/questions`]: () =>
        json(200, {
          items: [
            question('00000000-0000-4000-8000-0000000000c1', 'Pourquoi la pression chute-t-elle ?', true),
            question('00000000-0000-4000-8000-0000000000c2', 'Question masquée', true, true),
            question('00000000-0000-4000-8000-0000000000c3', 'Où est le schéma ?', false),
          ],
          total: 3,
          waitingCount: null,
          permissions: {},
        }),
    });
    const page = classroom(() => json(500, {}));
    renderApp({
      route,
      signedIn: true,
      fetch: async (request) => {
        const answer = await board(request);
        return answer.status === 404 ? page(request) : answer;
      },
    });

    const pinned = await findPage('pinned-questions');
    const items = within(pinned).getAllByTestId('pinned-question');
    expect(items.map((item) => item.textContent)).toEqual([
      'Pourquoi la pression chute-t-elle ?سلمى بنعلي · 0 réponse',
    ]);
    expect(
      within(pinned).getByRole('link', { name: 'Ouvrir les questions de la cohorte' }).getAttribute('href'),
    ).toBe(`/cohort-board/${COHORT_ID}?tab=questions`);
  });

  it('gives the time in the trainee’s zone and the hour agreed in the teacher’s', async () => {
    // Agreed at 05:00 in Toronto on 12 January 2027 (EST, UTC-5): 10:00 UTC, so 10:00 in
    // Casablanca (UTC+0).
    const torontoClass = sessionDto({
      id: SESSION_ID,
      cohortId: COHORT_ID,
      title: 'Hydraulique',
      startsAt: '2027-01-12T10:00:00.000Z',
      localStart: '2027-01-12T05:00:00',
      timeZone: 'America/Toronto',
    });
    renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {}), torontoClass) });

    await findPage('pre-join');
    expect(screen.getByTestId('session-time').textContent).toBe(
      'mardi 12 janvier 2027 à 10:00 – 11:30 (Casablanca, UTC+0)',
    );
    expect(screen.getByTestId('session-agreed-time').textContent).toBe(
      'Heure convenue : 05:00, Toronto (UTC-5)',
    );
  });

  it('says plainly that the video service is unreachable when the connection fails, and offers a retry', async () => {
    // jsdom has no WebRTC: a bare RTCPeerConnection gets LiveKit past its browser check, then its
    // connection fails (ServerUnreachable), as it does in a browser when no LiveKit server answers.
    vi.stubGlobal(
      'RTCPeerConnection',
      class {
        addTransceiver() {}
      },
    );
    const join = vi.fn(() =>
      json(200, {
        serverUrl: 'ws://127.0.0.1:9',
        token: 'token',
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
        role: 'trainee',
      }),
    );
    renderApp({ route, signedIn: true, fetch: classroom(join) });

    fireEvent.click(await findPage('classroom-join'));

    const unreachable = await screen.findByTestId('video-unreachable', {}, { timeout: 12_000 });
    expect(unreachable.textContent).toContain('Le service vidéo est injoignable.');
    // The service's fault, not the person's connection; and it tries again by itself, counting down.
    expect(unreachable.textContent).toContain('pas de votre connexion');
    expect(within(unreachable).getByTestId('video-retry-in').textContent).toMatch(
      /^Nouvel essai dans (9|10|11) s$/,
    );
    expect(within(unreachable).getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    expect(screen.getByTestId('course-materials')).toBeTruthy(); // still there to download
    // What does not need the video service: the cohort's board, and the class chat through the API.
    const meanwhile = screen.getByTestId('classroom-still-available');
    expect(within(meanwhile).getByTestId('classroom-board-link').getAttribute('href')).toBe(
      `/cohort-board/${COHORT_ID}?tab=questions`,
    );
    fireEvent.change(await within(meanwhile).findByTestId('chat-input'), {
      target: { value: 'Je n’ai plus la vidéo, je suis le chat' },
    });
    fireEvent.click(within(meanwhile).getByTestId('chat-send'));
    expect((await within(meanwhile).findByRole('log')).textContent).toContain(
      'Je n’ai plus la vidéo, je suis le chat',
    );

    fireEvent.click(within(unreachable).getByRole('button', { name: 'Réessayer' }));
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(2)); // a fresh token for each attempt
  }, 30_000);

  it('tries again after 10 s, not a minute, when the service drops again after a class that connected', async () => {
    scripted.outcomes = ['fail', 'fail', 'open'];
    scripted.opened = [];
    const join = vi.fn(() =>
      json(200, {
        serverUrl: 'ws://127.0.0.1:9',
        token: 'token',
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
        role: 'trainee',
      }),
    );
    renderApp({ route, signedIn: true, fetch: classroom(join) });
    const retryIn = async () =>
      (await screen.findByTestId('video-retry-in', {}, { timeout: 12_000 })).textContent;
    const retryNow = () => fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));

    fireEvent.click(await findPage('classroom-join'));
    expect(await retryIn()).toMatch(/^Nouvel essai dans (9|10|11) s$/);
    retryNow();
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(2));
    expect(await retryIn()).toMatch(/^Nouvel essai dans (19|20|21) s$/); // the second failure in a row
    retryNow();
    await vi.waitFor(() => expect(scripted.opened).toHaveLength(1));
    await vi.waitFor(() => expect(screen.queryByTestId('video-unreachable')).toBeNull());

    act(() => {
      scripted.opened[0].emit(RoomEvent.Disconnected, DisconnectReason.UNKNOWN_REASON);
    });
    expect(await retryIn()).toMatch(/^Nouvel essai dans (9|10|11) s$/);
  }, 30_000);

  it('says the browser is offline rather than the service down, when it is', async () => {
    vi.stubGlobal(
      'RTCPeerConnection',
      class {
        addTransceiver() {}
      },
    );
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const join = () =>
        json(200, {
          serverUrl: 'ws://127.0.0.1:9',
          token: 'token',
          expiresAt: new Date(Date.now() + 300_000).toISOString(),
          role: 'trainee',
        });
      renderApp({ route, signedIn: true, fetch: classroom(join) });

      fireEvent.click(await findPage('classroom-join'));

      const unreachable = await screen.findByTestId('video-unreachable', {}, { timeout: 12_000 });
      expect(unreachable.getAttribute('data-cause')).toBe('offline');
      expect(unreachable.textContent).toContain('Vous êtes hors ligne.');
      expect(within(unreachable).queryByTestId('video-retry-in')).toBeNull();
    } finally {
      online.mockRestore();
    }
  }, 30_000);

  it('tells when the class opens on a 425', async () => {
    renderApp({
      route,
      signedIn: true,
      fetch: classroom(() =>
        json(425, {
          statusCode: 425,
          error: 'Too Early',
          message: 'The class opens for joining at 2031-03-12T22:45:00.000Z',
          code: 'join-window-not-open',
          opensAt: '2031-03-12T22:45:00.000Z',
          details: { opensAt: '2031-03-12T22:45:00.000Z' },
        }),
      ),
    });

    fireEvent.click(await findPage('classroom-join'));

    // Under the button that was pressed, where the eyes are (on a phone the top of the page is away).
    const refused = await within(screen.getByTestId('pre-join')).findByTestId('join-refused');
    expect(refused.compareDocumentPosition(screen.getByTestId('classroom-join'))).toBe(
      Node.DOCUMENT_POSITION_PRECEDING,
    );
    // 22:45 UTC is 22:45 in Casablanca, at UTC+0 all year since 2026 (tz database 2026c).
    expect((await screen.findByTestId('join-refused')).textContent).toContain(
      'Ouverture : 12 mars 2031, 22:45 (Casablanca, UTC+0).',
    );
  });

  it('counts down to the opening of the class and enables the join button by itself then', async () => {
    // The window opens 15 minutes before the start: here in two seconds.
    const soon = sessionDto({
      id: SESSION_ID,
      cohortId: COHORT_ID,
      title: 'Hydraulique',
      startsAt: new Date(Date.now() + 15 * 60_000 + 2_000).toISOString(),
    });
    renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {}), soon) });

    const button = await findPage('classroom-join');
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('join-opens-in').textContent).toMatch(/^Ouverture dans 0 min [0-2] s$/);

    await vi.waitFor(() => expect(button.hasAttribute('disabled')).toBe(false), { timeout: 5000 });
    expect(screen.queryByTestId('join-opens-in')).toBeNull();
    expect(screen.getByTestId('join-status').textContent).toBe(
      'La classe est ouverte : vous pouvez la rejoindre.',
    );
  });

  it('asks for no camera once the session is over, and says it is over', async () => {
    const past = sessionDto({
      id: SESSION_ID,
      cohortId: COHORT_ID,
      title: 'Hydraulique',
      startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    });
    renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {}), past) });

    await findPage('classroom-over');
    expect(screen.getByTestId('join-status').textContent).toBe('Terminée');
    expect(screen.queryByTestId('pre-join')).toBeNull();
    expect(screen.queryByTestId('classroom-join')).toBeNull();
  });

  it('says a session was cancelled on a 410', async () => {
    renderApp({
      route,
      signedIn: true,
      fetch: classroom(() =>
        json(410, {
          statusCode: 410,
          error: 'Gone',
          message: 'This session was cancelled',
          code: 'session-cancelled',
        }),
      ),
    });

    fireEvent.click(await findPage('classroom-join'));

    expect((await screen.findByTestId('join-refused')).textContent).toContain('Cette séance a été annulée.');
  });

  it("gives the reason of a 403 in the reader's language, not the server's English", async () => {
    renderApp({
      route,
      signedIn: true,
      fetch: classroom(() =>
        json(403, {
          statusCode: 403,
          error: 'Forbidden',
          message: 'The host removed you from this session; ask them to let you back in',
          code: 'removed-from-room',
        }),
      ),
    });

    fireEvent.click(await findPage('classroom-join'));

    const refused = await screen.findByTestId('join-refused');
    expect(refused.textContent).toContain(
      'Le formateur vous a retiré de cette séance. Demandez-lui de vous réadmettre.',
    );
    expect(refused.textContent).not.toContain('The host removed you');
  });

  it('lets people without media devices join all the same', async () => {
    // As on a page served over plain HTTP: the browser gives no media devices at all.
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
    try {
      renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {})) });

      expect((await findPage('media-error')).textContent).toContain('ne peut pas être utilisé');
      expect(screen.getByTestId('classroom-join').hasAttribute('disabled')).toBe(false);
    } finally {
      Object.defineProperty(navigator, 'mediaDevices', { value: mediaDevices });
    }
  });

  describe('data saver', () => {
    const granted = () =>
      json(200, {
        serverUrl: 'ws://127.0.0.1:9',
        token: 'token',
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
        role: 'trainee',
      });

    /** What the class publishes once the signal connection opens, and the room's options. */
    function watchPublishing() {
      signalOnly.on = true;
      signalOnly.rooms = [];
      const camera = vi.spyOn(LocalParticipant.prototype, 'setCameraEnabled').mockResolvedValue(undefined);
      const microphone = vi
        .spyOn(LocalParticipant.prototype, 'setMicrophoneEnabled')
        .mockResolvedValue(undefined);
      vi.spyOn(LocalParticipant.prototype, 'setScreenShareEnabled').mockResolvedValue(undefined);
      return { rooms: signalOnly.rooms, camera, microphone };
    }

    /** The browser's report of the link (navigator.connection, as Chromium gives it). */
    function connection(effectiveType: string, saveData = false) {
      const report = Object.assign(new EventTarget(), { effectiveType, saveData });
      Object.defineProperty(navigator, 'connection', { value: report, configurable: true });
    }

    const cameraSwitch = () => screen.getByTestId('pre-join-camera-on') as HTMLInputElement;
    /** Whether the page asked the browser for the camera (the preview does, before joining). */
    const cameraAsked = () =>
      vi
        .mocked(navigator.mediaDevices.getUserMedia)
        .mock.calls.some(([constraints]) => Boolean(constraints?.video));

    afterEach(() => {
      signalOnly.on = false;
      vi.restoreAllMocks();
      Reflect.deleteProperty(navigator, 'connection');
    });

    it('starts the class with sound only on a slow link, the camera off until the person turns it on', async () => {
      connection('3g');
      vi.spyOn(navigator.mediaDevices, 'getUserMedia');
      const publishing = watchPublishing();
      renderApp({ route, signedIn: true, fetch: classroom(granted) });

      await findPage('pre-join');
      expect(screen.getByTestId('data-saver-state').textContent).toBe(
        'Activé pour l’instant : votre navigateur signale une connexion lente ou limitée.',
      );
      expect(cameraSwitch().checked).toBe(false);
      expect((screen.getByTestId('pre-join-microphone-on') as HTMLInputElement).checked).toBe(true);
      expect(screen.getByTestId('pre-join-audio-first').textContent).toContain(
        'vous rejoignez en audio seul',
      );
      expect(screen.getByTestId('pre-join-no-preview')).toBeTruthy();
      // Still theirs to turn on.
      expect(cameraSwitch().disabled).toBe(false);

      fireEvent.click(screen.getByTestId('classroom-join'));

      await vi.waitFor(() => expect(publishing.microphone).toHaveBeenCalledWith(true, expect.anything()));
      expect(publishing.camera).toHaveBeenCalledWith(false, undefined);
      expect(publishing.camera).not.toHaveBeenCalledWith(true, expect.anything());
      expect(cameraAsked()).toBe(false);
      // A camera turned on in class is filmed small and sent in one layer.
      expect(publishing.rooms[0].videoCaptureDefaults?.resolution).toMatchObject({ width: 320, height: 180 });
      expect(publishing.rooms[0].publishDefaults?.simulcast).toBe(false);
    });

    it('starts the camera as before when the person turned data saver off, even on a link that asks to save data', async () => {
      connection('3g', true);
      vi.spyOn(navigator.mediaDevices, 'getUserMedia');
      const publishing = watchPublishing();
      const saved: unknown[] = [];
      renderApp({
        route,
        signedIn: true,
        fetch: classroom(granted, session, { ...trainee, dataSaver: false }, saved),
      });

      await findPage('pre-join');
      expect(screen.getByTestId('data-saver-state').textContent).toBe(
        'Désactivé, quelle que soit la connexion.',
      );
      expect(cameraSwitch().checked).toBe(true);
      expect(screen.queryByTestId('pre-join-audio-first')).toBeNull();
      await vi.waitFor(() => expect(cameraAsked()).toBe(true));

      fireEvent.click(screen.getByTestId('classroom-join'));

      await vi.waitFor(() => expect(publishing.camera).toHaveBeenCalledWith(true, expect.anything()));
      expect(publishing.rooms[0].publishDefaults?.simulcast).toBe(true);
      expect(publishing.rooms[0].videoCaptureDefaults?.resolution).toMatchObject({
        width: 1280,
        height: 720,
      });
    });

    it('turns the camera off before class when the person switches data saver on, and keeps the choice', async () => {
      connection('4g');
      const saved: unknown[] = [];
      renderApp({ route, signedIn: true, fetch: classroom(() => json(500, {}), session, trainee, saved) });

      await findPage('pre-join');
      expect(screen.getByTestId('data-saver-state').textContent).toContain('Désactivé pour l’instant');
      expect(cameraSwitch().checked).toBe(true);

      fireEvent.click(within(screen.getByTestId('data-saver')).getByLabelText('Activé'));

      await vi.waitFor(() => expect(saved).toEqual([{ dataSaver: true }]));
      await vi.waitFor(() => expect(cameraSwitch().checked).toBe(false));
      expect(screen.getByTestId('data-saver-state').textContent).toBe(
        'Activé, quelle que soit la connexion.',
      );
    });
  });
});
