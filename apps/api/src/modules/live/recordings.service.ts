import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { LiveKitGateway } from '@/core/livekit/livekit-gateway';
import { AuditService } from '@/modules/audit/audit.service';
import { RecordingDto, RecordingListDto } from './dto/session.dto';
import { RecordingConflictError, SessionEndedError } from './live.errors';
import { RecordingEntity } from './recording.entity';
import { SessionsService } from './sessions.service';

/** What `egress_*` webhooks tell about a recording (protobuf JSON: int64 as strings, in ns). */
export interface EgressInfoJson {
  egressId?: string;
  status?: string;
  startedAt?: string;
  endedAt?: string;
  error?: string;
  fileResults?: { location?: string; duration?: string }[];
}

@Injectable()
export class RecordingsService {
  constructor(
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
    private readonly sessions: SessionsService,
    private readonly livekit: LiveKitGateway,
    private readonly audit: AuditService,
  ) {}

  async start(sessionId: string, actor: AuthUser): Promise<RecordingDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'host');
    if (session.status === 'cancelled') throw new SessionEndedError('cancelled');
    if (session.endsAt.getTime() <= Date.now()) throw new SessionEndedError('ended');
    if (await this.recordings.exists({ where: { sessionId, status: 'active' } }))
      throw new RecordingConflictError(true);
    const egressId = await this.livekit.startRecording(
      session.roomName,
      `recordings/${session.roomName}/${Date.now()}.mp4`,
    );
    const recording = await this.recordings.save(
      this.recordings.create({
        sessionId,
        egressId,
        status: 'active',
        startedBy: actor.id,
        startedAt: new Date(),
        endedAt: null,
        durationSeconds: null,
        location: null,
      }),
    );
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'recording.start',
        entityType: 'session',
        entityId: sessionId,
        data: { egressId },
      },
    ]);
    return toDto(recording);
  }

  async stop(sessionId: string, actor: AuthUser): Promise<RecordingDto> {
    await this.sessions.accessFor(sessionId, actor, 'host');
    const recording = await this.recordings.findOne({ where: { sessionId, status: 'active' } });
    if (!recording) throw new RecordingConflictError(false);
    await this.livekit.stopRecording(recording.egressId);
    // egress_ended brings the duration and the file; until then the stop time stands in.
    recording.status = 'ended';
    recording.endedAt = new Date();
    recording.durationSeconds = Math.round(
      (recording.endedAt.getTime() - recording.startedAt.getTime()) / 1000,
    );
    await this.recordings.save(recording);
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'recording.stop',
        entityType: 'session',
        entityId: sessionId,
        data: { egressId: recording.egressId },
      },
    ]);
    return toDto(recording);
  }

  /** Members and staff of the cohort may list and open them. */
  async list(sessionId: string, actor: AuthUser): Promise<RecordingListDto> {
    await this.sessions.accessFor(sessionId, actor);
    const items = await this.recordings.find({ where: { sessionId }, order: { startedAt: 'ASC' } });
    return { items: items.map(toDto), total: items.length };
  }

  /** Applies egress_updated / egress_ended; replays leave the same result. */
  async applyEgress(info: EgressInfoJson): Promise<string | null> {
    if (!info.egressId) return 'no egress id';
    const recording = await this.recordings.findOne({ where: { egressId: info.egressId } });
    if (!recording) return 'unknown egress';
    const status = info.status ?? '';
    if (!/COMPLETE|FAILED|ABORTED|LIMIT_REACHED/.test(status)) return null;
    const file = info.fileResults?.[0];
    const ns = (value?: string) => (value ? Number(BigInt(value) / 1_000_000n) : null);
    const endedMs = ns(info.endedAt) ?? recording.endedAt?.getTime() ?? Date.now();
    const startedMs = ns(info.startedAt) ?? recording.startedAt.getTime();
    recording.status = /FAILED|ABORTED/.test(status) ? 'failed' : 'ended';
    recording.endedAt = new Date(endedMs);
    recording.durationSeconds = file?.duration
      ? Math.round(Number(BigInt(file.duration) / 1_000_000n) / 1000)
      : Math.round((endedMs - startedMs) / 1000);
    recording.location = file?.location ?? recording.location;
    await this.recordings.save(recording);
    return null;
  }
}

function toDto(recording: RecordingEntity): RecordingDto {
  return {
    id: recording.id,
    status: recording.status,
    startedAt: recording.startedAt.toISOString(),
    durationSeconds: recording.durationSeconds,
    url: recording.location,
  };
}
