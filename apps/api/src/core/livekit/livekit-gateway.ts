import { Injectable, Logger } from '@nestjs/common';
import {
  AccessToken,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  TrackType,
  WebhookReceiver,
  type VideoGrant,
  type WebhookEvent,
} from 'livekit-server-sdk';
import { AppConfig } from '@/core/config/app-config';
import { ServiceUnavailableError, UnauthorizedError } from '@/core/errors/domain-error';

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

  /** Mutes every microphone track the participant publishes. */
  async muteMicrophone(room: string, identity: string): Promise<void> {
    await this.call(async () => {
      const participant = await this.rooms.getParticipant(room, identity);
      const audio = participant.tracks.filter((t) => t.type === TrackType.AUDIO && !t.muted);
      for (const track of audio) await this.rooms.mutePublishedTrack(room, identity, track.sid, true);
    });
  }

  /** Starts a room-composite recording to a file; answers the egress id. */
  async startRecording(room: string, filepath: string): Promise<string> {
    const info = await this.call(() =>
      this.egress.startRoomCompositeEgress(
        room,
        new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath }),
        { layout: 'speaker' },
      ),
    );
    return info.egressId;
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
