import { TokenVerifier } from 'livekit-server-sdk';
import {
  FakeLiveKit,
  LIVEKIT_KEY as KEY,
  LIVEKIT_SECRET as SECRET,
  signWebhook,
} from '../../../test/support/fake-livekit';
import type { AppConfig } from '@/core/config/app-config';
import { InvalidWebhookSignatureError, LiveKitGateway, LiveKitUnavailableError } from './livekit-gateway';

function configFor(url: string, more: Record<string, string | boolean> = {}): AppConfig {
  const values: Record<string, string | boolean> = {
    LIVEKIT_URL: url,
    LIVEKIT_API_KEY: KEY,
    LIVEKIT_API_SECRET: SECRET,
    DATA_DIR: '/srv/academy',
    ...more,
  };
  return { get: (key: string) => values[key] } as unknown as AppConfig;
}

describe('LiveKitGateway', () => {
  const livekit = new FakeLiveKit();
  let sut: LiveKitGateway;

  beforeAll(async () => {
    sut = new LiveKitGateway(configFor(await livekit.start()));
  });
  afterAll(() => livekit.stop());
  beforeEach(() => {
    livekit.requests.splice(0);
  });

  async function grantsOf(authorization: string) {
    return new TokenVerifier(KEY, SECRET).verify(authorization.replace(/^Bearer /, ''));
  }

  it('signs a join token with identity, name, metadata, room and the given grants', async () => {
    const jwt = await sut.createJoinToken({
      room: 'session-1',
      identity: 'user-1',
      name: 'Nadia Tazi',
      metadata: JSON.stringify({ role: 'trainee' }),
      grant: { canSubscribe: true, canPublish: true, canPublishData: true },
      ttlSeconds: 300,
    });
    const claims = await new TokenVerifier(KEY, SECRET).verify(jwt);
    expect(claims.sub).toBe('user-1');
    expect(claims.name).toBe('Nadia Tazi');
    expect(JSON.parse(claims.metadata as string)).toEqual({ role: 'trainee' });
    expect(claims.video).toMatchObject({
      room: 'session-1',
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: true,
    });
    expect((claims.exp as number) - (claims.nbf as number)).toBe(300);
  });

  it('accepts a webhook signed over the raw body and refuses a tampered one', async () => {
    const body = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_1',
      createdAt: '1760000000',
      room: { name: 'session-1' },
    });
    const authorization = await signWebhook(body);
    const event = await sut.verifyWebhook(body, authorization);
    expect(event).toMatchObject({ event: 'participant_joined', id: 'EV_1' });
    await expect(sut.verifyWebhook(body.replace('EV_1', 'EV_2'), authorization)).rejects.toBeInstanceOf(
      InvalidWebhookSignatureError,
    );
    await expect(sut.verifyWebhook(body, undefined)).rejects.toBeInstanceOf(InvalidWebhookSignatureError);
  });

  it('creates a room with the participant limit and empty timeout, with a roomCreate grant', async () => {
    livekit.answers.CreateRoom = { name: 'session-1', sid: 'RM_1' };
    await sut.ensureRoom('session-1', 31, 600);
    const [request] = livekit.requests;
    expect(request.path).toBe('/twirp/livekit.RoomService/CreateRoom');
    expect(request.body).toMatchObject({ name: 'session-1', maxParticipants: 31, emptyTimeout: 600 });
    expect((await grantsOf(request.authorization)).video).toMatchObject({ roomCreate: true });
  });

  it('removes a participant and mutes only their unmuted microphones', async () => {
    livekit.answers.GetParticipant = {
      identity: 'user-2',
      tracks: [
        { sid: 'TR_audio', type: 'AUDIO', muted: false },
        { sid: 'TR_video', type: 'VIDEO', muted: false },
        { sid: 'TR_muted', type: 'AUDIO', muted: true },
      ],
    };
    await sut.removeParticipant('session-1', 'user-2');
    await sut.muteMicrophone('session-1', 'user-2');
    expect(livekit.requests.map((r) => r.method)).toEqual([
      'RemoveParticipant',
      'GetParticipant',
      'MutePublishedTrack',
    ]);
    expect(livekit.requests[0].body).toEqual({ room: 'session-1', identity: 'user-2' });
    expect(livekit.requests[2].body).toMatchObject({
      room: 'session-1',
      identity: 'user-2',
      trackSid: 'TR_audio',
      muted: true,
    });
    expect((await grantsOf(livekit.requests[0].authorization)).video).toMatchObject({
      roomAdmin: true,
      room: 'session-1',
    });
  });

  it('starts a room-composite recording into the local store’s folder and stops it by egress id', async () => {
    livekit.answers.StartRoomCompositeEgress = { egressId: 'EG_1', roomName: 'session-1' };
    const egressId = await sut.startRecording('session-1', {
      key: 'recordings/s-1/r-1.mp4',
      audioOnly: false,
    });
    await sut.stopRecording(egressId);
    expect(egressId).toBe('EG_1');
    const [start, stop] = livekit.requests;
    expect(start.path).toBe('/twirp/livekit.Egress/StartRoomCompositeEgress');
    expect(start.body).toMatchObject({ roomName: 'session-1', layout: 'speaker' });
    expect(start.body.fileOutputs).toEqual([
      expect.objectContaining({ fileType: 'MP4', filepath: '/srv/academy/files/recordings/s-1/r-1.mp4' }),
    ]);
    expect(JSON.stringify(start.body)).not.toContain('s3');
    expect(stop).toMatchObject({ path: '/twirp/livekit.Egress/StopEgress', body: { egressId: 'EG_1' } });
    expect((await grantsOf(start.authorization)).video).toMatchObject({ roomRecord: true });
  });

  it('has Egress upload to the S3 bucket by key, and the audio-only copy as OGG', async () => {
    const s3 = new LiveKitGateway(
      configFor(livekit.url, {
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'academy-files',
        S3_ACCESS_KEY_ID: 'academy',
        S3_SECRET_ACCESS_KEY: 'academy-secret',
        S3_REGION: 'us-east-1',
        S3_FORCE_PATH_STYLE: true,
      }),
    );
    await s3.startRecording('session-1', { key: 'recordings/s-1/r-1.ogg', audioOnly: true });
    const [start] = livekit.requests;
    expect(start.body).toMatchObject({ roomName: 'session-1', audioOnly: true });
    expect(start.body.fileOutputs).toEqual([
      {
        fileType: 'OGG',
        filepath: 'recordings/s-1/r-1.ogg',
        s3: {
          endpoint: 'http://minio:9000',
          bucket: 'academy-files',
          accessKey: 'academy',
          secret: 'academy-secret',
          region: 'us-east-1',
          forcePathStyle: true,
        },
      },
    ]);
  });

  it('reports an unreachable server as LiveKitUnavailableError', async () => {
    const offline = new LiveKitGateway(configFor('ws://127.0.0.1:1'));
    await expect(offline.ensureRoom('session-1', 10, 60)).rejects.toBeInstanceOf(LiveKitUnavailableError);
    await expect(offline.startRecording('session-1', { key: 'x.mp4', audioOnly: false })).rejects.toThrow(
      /cannot be reached/,
    );
  });
});
