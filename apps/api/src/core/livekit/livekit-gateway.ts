import { Injectable, Logger } from '@nestjs/common';
import {
  AccessToken,
  DataPacket_Kind,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  S3Upload,
  TrackType,
  WebhookReceiver,
  type VideoGrant,
  type WebhookEvent,
} from 'livekit-server-sdk';
import { join, resolve } from 'node:path';
import { AppConfig } from '@/core/config/app-config';
import { ServiceUnavailableError, UnauthorizedError } from '@/core/errors/domain-error';
import { FILES_DIR } from '@/core/storage/storage.module';

export class LiveKitUnavailableError extends ServiceUnavailableError {
  readonly code = 'video-service-unavailable';

  constructor() {
    super('The video service (LiveKit) cannot be reached right now; try again in a moment');
  }
}

export class InvalidWebhookSignatureError extends UnauthorizedError {
  constructor() {
    super('The webhook signature is not valid');
  }
}

/** One file an Egress writes: `key` is its key in the object storage (ObjectStorage). */
export interface RecordingFile {
  key: string;
  /** The sound alone (OGG), or the room composite (MP4). */
  audioOnly: boolean;
}

export interface JoinTokenRequest {
  room: string;
  identity: string;
  name: string;
  metadata: string;
  grant: VideoGrant;
  ttlSeconds: number;
}

/** Answers from LiveKit that are not an outage (the participant is already gone, say). */
function isOutage(error: unknown): boolean {
  const message =
    error instanceof Error
      ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`
      : String(error);
  return /fetch failed|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|aborted|timeout|socket|503|502|504/i.test(
    message,
  );
}

/**
 * The one place that talks to LiveKit: join tokens, webhook signatures, rooms and Egress.
 * Calls that need a server fail with LiveKitUnavailableError (503) when none answers.
 */
@Injectable()
export class LiveKitGateway {
  private readonly logger = new Logger(LiveKitGateway.name);
  private readonly rooms: RoomServiceClient;
  private readonly egress: EgressClient;
  private readonly receiver: WebhookReceiver;

  constructor(private readonly config: AppConfig) {
    const host = config.get('LIVEKIT_URL').replace(/^ws/, 'http');
    const key = config.get('LIVEKIT_API_KEY');
    const secret = config.get('LIVEKIT_API_SECRET');
    const options = { requestTimeout: 5, failover: false };
    this.rooms = new RoomServiceClient(host, key, secret, options);
    this.egress = new EgressClient(host, key, secret, options);
    this.receiver = new WebhookReceiver(key, secret);
  }

  /** The URL browsers connect to. */
  get serverUrl(): string {
    return this.config.get('LIVEKIT_URL');
  }

  async createJoinToken(request: JoinTokenRequest): Promise<string> {
    const token = new AccessToken(this.config.get('LIVEKIT_API_KEY'), this.config.get('LIVEKIT_API_SECRET'), {
      identity: request.identity,
      name: request.name,
      metadata: request.metadata,
      ttl: request.ttlSeconds,
    });
    token.addGrant({ ...request.grant, room: request.room, roomJoin: true });
    return token.toJwt();
  }

  /** Verifies the signature over the exact raw body LiveKit sent. */
  async verifyWebhook(rawBody: string, authorization: string | undefined): Promise<WebhookEvent> {
    try {
      return await this.receiver.receive(rawBody, authorization);
    } catch {
      throw new InvalidWebhookSignatureError();
    }
  }

  /** Creates the room if it does not exist yet (LiveKit answers the existing room otherwise). */
  async ensureRoom(name: string, maxParticipants: number, emptyTimeoutSeconds: number): Promise<void> {
    await this.call(() =>
      this.rooms.createRoom({ name, maxParticipants, emptyTimeout: emptyTimeoutSeconds }),
    );
  }

  async removeParticipant(room: string, identity: string): Promise<void> {
    await this.call(() => this.rooms.removeParticipant(room, identity));
  }

  /** A reliable data message to everyone in the room, on a topic (the class chat's, say). */
  async sendData(room: string, topic: string, payload: unknown): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify(payload));
    await this.call(() => this.rooms.sendData(room, data, DataPacket_Kind.RELIABLE, { topic }));
  }

  /** Mutes every microphone track the participant publishes. */
  async muteMicrophone(room: string, identity: string): Promise<void> {
    await this.call(async () => {
      const participant = await this.rooms.getParticipant(room, identity);
      const audio = participant.tracks.filter((t) => t.type === TrackType.AUDIO && !t.muted);
      for (const track of audio) await this.rooms.mutePublishedTrack(room, identity, track.sid, true);
    });
  }

  /**
   * Starts a room-composite recording to one file of the object storage; answers the egress id.
   * With S3 configured Egress uploads to the bucket itself; otherwise it writes into the storage's
   * folder (EGRESS_OUTPUT_DIR as Egress sees it), where the local driver finds the key.
   */
  async startRecording(room: string, file: RecordingFile): Promise<string> {
    const output = new EncodedFileOutput({
      fileType: file.audioOnly ? EncodedFileType.OGG : EncodedFileType.MP4,
      filepath: this.egressPath(file.key),
      output: this.s3Upload(),
    });
    const info = await this.call(() =>
      this.egress.startRoomCompositeEgress(room, output, {
        layout: 'speaker',
        audioOnly: file.audioOnly,
      }),
    );
    return info.egressId;
  }

  private egressPath(key: string): string {
    if (this.config.get('S3_ENDPOINT')) return key;
    const folder = this.config.get('EGRESS_OUTPUT_DIR') ?? resolve(this.config.get('DATA_DIR'), FILES_DIR);
    return join(folder, key);
  }

  private s3Upload(): EncodedFileOutput['output'] {
    const endpoint = this.config.get('S3_ENDPOINT');
    if (!endpoint) return { case: undefined };
    return {
      case: 's3',
      value: new S3Upload({
        endpoint,
        bucket: this.config.get('S3_BUCKET'),
        accessKey: this.config.get('S3_ACCESS_KEY_ID'),
        secret: this.config.get('S3_SECRET_ACCESS_KEY'),
        region: this.config.get('S3_REGION'),
        forcePathStyle: this.config.get('S3_FORCE_PATH_STYLE'),
      }),
    };
  }

  async stopRecording(egressId: string): Promise<void> {
    await this.call(() => this.egress.stopEgress(egressId));
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (isOutage(error)) {
        this.logger.warn(`LiveKit unreachable: ${error instanceof Error ? error.message : String(error)}`);
        throw new LiveKitUnavailableError();
      }
      throw error;
    }
  }
}
