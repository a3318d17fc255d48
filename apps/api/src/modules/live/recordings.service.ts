import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RecordingOutput } from '@mre/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { API_PREFIX } from '@/core/http/configure-app';
import type { DownloadableFile } from '@/core/http/send-stored-file';
import { LiveKitGateway } from '@/core/livekit/livekit-gateway';
import { ObjectStorage } from '@/core/storage/object-storage';
import { SignedFileLinks } from '@/core/storage/signed-file-links';
import { AuditService } from '@/modules/audit/audit.service';
import { PlaybackLinkDto } from './dto/recording.dto';
import { RecordingDto, RecordingListDto } from './dto/session.dto';
import {
  RecordingConflictError,
  RecordingNotAllowedError,
  SessionEndedError,
  SessionNotFoundError,
} from './live.errors';
import { playbackSeconds, playbackSubject } from './playback-links';
import { RecordingEntity } from './recording.entity';
import {
  PlaybackLinkInvalidError,
  RecordingFileUnavailableError,
  RecordingNotFoundError,
} from './recordings.errors';
import {
  countView,
  failStuckRecordings,
  recordingAllowed,
  RecordingRow,
  recordingRows,
  recordingsDue,
} from './recordings.queries';
import { SessionNoticesService } from './session-notices.service';
import { SessionsService } from './sessions.service';

/** What `egress_*` webhooks tell about a recording (protobuf JSON: int64 as strings, in ns). */
export interface EgressInfoJson {
  egressId?: string;
  status?: string;
  startedAt?: string;
  endedAt?: string;
  error?: string;
  fileResults?: { filename?: string; location?: string; duration?: string; size?: string }[];
}

const FILES: Record<RecordingOutput, { extension: string; contentType: string }> = {
  video: { extension: 'mp4', contentType: 'video/mp4' },
  audio: { extension: 'ogg', contentType: 'audio/ogg' },
};

/** Where Egress writes each output: the API's own key, never one from a webhook. */
/** What a night's retention run did: recordings expired, those whose files could not be deleted, stuck ones failed. */
export interface RetentionRun {
  expired: number;
  failed: string[];
  stuck: number;
}

function keyOf(recording: Pick<RecordingEntity, 'id' | 'sessionId'>, output: RecordingOutput): string {
  return `recordings/${recording.sessionId}/${recording.id}.${FILES[output].extension}`;
}

const ns = (value?: string) => (value ? Number(BigInt(value) / 1_000_000n) : null);

/** A recording's output as it is served: from the store through the API, or from a short-lived store URL. */
export interface RecordingFile {
  file: DownloadableFile;
  /** Set when the store hands out its own URLs (S3): clients go there instead. */
  directUrl: string | null;
}

@Injectable()
export class RecordingsService {
  private readonly logger = new Logger(RecordingsService.name);

  constructor(
    @InjectRepository(RecordingEntity) private readonly recordings: Repository<RecordingEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly notices: SessionNoticesService,
    private readonly livekit: LiveKitGateway,
    private readonly storage: ObjectStorage,
    private readonly links: SignedFileLinks,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Starts the two Egresses: the room composite video, and the sound alone for weak links. */
  async start(sessionId: string, actor: AuthUser): Promise<RecordingDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'host');
    if (session.status === 'cancelled') throw new SessionEndedError('cancelled');
    if (session.endsAt.getTime() <= Date.now()) throw new SessionEndedError('ended');
    const [{ allowed }] = (await this.dataSource.query(...recordingAllowed(sessionId))) as Array<{
      allowed: boolean;
    }>;
    // What the trainees were told before enrolling and in the pre-join screen holds.
    if (!allowed) throw new RecordingNotAllowedError();
    if (await this.recordings.exists({ where: { sessionId, status: 'active' } }))
      throw new RecordingConflictError(true);
    const id = randomUUID();
    const egressId = await this.livekit.startRecording(session.roomName, {
      key: keyOf({ id, sessionId }, 'video'),
      audioOnly: false,
    });
    // The video is what matters: without the audio copy the class is still recorded.
    const audioEgressId = await this.livekit
      .startRecording(session.roomName, { key: keyOf({ id, sessionId }, 'audio'), audioOnly: true })
      .catch((error: Error) => {
        this.logger.warn(`Recording ${id}: the audio-only Egress did not start (${error.message})`);
        return null;
      });
    const recording = await this.recordings.save(
      this.recordings.create({
        id,
        sessionId,
        egressId,
        audioEgressId,
        status: 'active',
        startedBy: actor.id,
        startedAt: new Date(),
        endedAt: null,
        durationSeconds: null,
        videoKey: null,
        videoSizeBytes: null,
        audioKey: null,
        audioSizeBytes: null,
        failureReason: null,
        expiredAt: null,
      }),
    );
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'recording.start',
        entityType: 'session',
        entityId: sessionId,
        data: { recordingId: id, egressId, audioEgressId },
      },
    ]);
    return this.dto(recording);
  }

  async stop(sessionId: string, actor: AuthUser): Promise<RecordingDto> {
    await this.sessions.accessFor(sessionId, actor, 'host');
    const recording = await this.recordings.findOne({ where: { sessionId, status: 'active' } });
    if (!recording) throw new RecordingConflictError(false);
    await this.livekit.stopRecording(recording.egressId);
    if (recording.audioEgressId)
      await this.livekit.stopRecording(recording.audioEgressId).catch((error: Error) => {
        this.logger.warn(`Recording ${recording.id}: stopping the audio Egress failed (${error.message})`);
      });
    // egress_ended brings the duration and the files; until then the stop time stands in.
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
        data: { recordingId: recording.id, egressId: recording.egressId },
      },
    ]);
    return this.dto(recording);
  }

  /** Members and staff of the cohort may list them; no storage path ever leaves the API. */
  async list(sessionId: string, actor: AuthUser): Promise<RecordingListDto> {
    await this.sessions.accessFor(sessionId, actor);
    const rows = await this.dataSource.query<RecordingRow[]>(
      ...recordingRows({ sessionId }, this.config.get('RECORDING_RETENTION_DAYS')),
    );
    return { items: rows.map(rowToDto), total: rows.length };
  }

  /**
   * One output for the cohort's enrolled trainees and staff (404 for anyone else). `counted`: this
   * request starts a viewing (a player's first request), not one of the ranges that follow.
   */
  async open(id: string, output: RecordingOutput, actor: AuthUser, counted: boolean): Promise<RecordingFile> {
    const recording = await this.viewable(id, actor);
    const file = await this.file(recording, output);
    if (counted) await this.countView(recording.id, actor.id, output);
    const directUrl = await this.storage.presignedGetUrl(file.storageKey, {
      expiresInSeconds: playbackSeconds(recording.durationSeconds),
      contentType: file.contentType,
    });
    return { file, directUrl };
  }

  /** A URL a `<video>` or `<audio>` element can play from (with Range); each link counts as one view. */
  async link(id: string, output: RecordingOutput, actor: AuthUser): Promise<PlaybackLinkDto> {
    const recording = await this.viewable(id, actor);
    const file = await this.file(recording, output);
    await this.countView(id, actor.id, output);
    const seconds = playbackSeconds(recording.durationSeconds);
    const expiresAt = new Date(Date.now() + seconds * 1000);
    const url =
      (await this.storage.presignedGetUrl(file.storageKey, {
        expiresInSeconds: seconds,
        contentType: file.contentType,
      })) ??
      `/${API_PREFIX}/recordings/${id}/${output}/play?token=${this.links.sign(playbackSubject(id, output), actor.id, expiresAt)}`;
    return { url, expiresAt: expiresAt.toISOString(), contentType: file.contentType };
  }

  /** The file behind a playback link; the link was only given to someone who could watch. */
  async openByLink(id: string, output: RecordingOutput, token: string): Promise<DownloadableFile> {
    if (!this.links.verify(playbackSubject(id, output), token)) throw new PlaybackLinkInvalidError();
    const recording = await this.recordings.findOne({ where: { id } });
    if (!recording) throw new RecordingNotFoundError();
    return this.file(recording, output);
  }

  /** Applies egress_updated / egress_ended to the output it is about; replays leave the same result. */
  async applyEgress(info: EgressInfoJson): Promise<string | null> {
    if (!info.egressId) return 'no egress id';
    const recording = await this.recordings.findOne({
      where: [{ egressId: info.egressId }, { audioEgressId: info.egressId }],
    });
    if (!recording) return 'unknown egress';
    if (recording.status === 'expired') return 'recording already expired';
    const status = info.status ?? '';
    if (!/COMPLETE|FAILED|ABORTED|LIMIT_REACHED/.test(status)) return null;
    const output: RecordingOutput = recording.egressId === info.egressId ? 'video' : 'audio';
    const wasWatchable = recording.videoKey !== null;
    const result = info.fileResults?.[0];
    const stored = /FAILED|ABORTED/.test(status) ? null : await this.storage.head(keyOf(recording, output));
    const failure = stored
      ? null
      : /FAILED|ABORTED/.test(status)
        ? info.error || status
        : 'Egress ended, but the file is not in the storage';
    if (output === 'video') {
      const endedMs = ns(info.endedAt) ?? recording.endedAt?.getTime() ?? Date.now();
      const startedMs = ns(info.startedAt) ?? recording.startedAt.getTime();
      recording.status = stored ? 'ended' : 'failed';
      recording.endedAt = new Date(endedMs);
      recording.durationSeconds = result?.duration
        ? Math.round(Number(BigInt(result.duration) / 1_000_000n) / 1000)
        : Math.round((endedMs - startedMs) / 1000);
      recording.videoKey = stored ? keyOf(recording, 'video') : null;
      recording.videoSizeBytes = stored?.sizeBytes ?? null;
      if (failure) recording.failureReason = failure.slice(0, 500);
    } else {
      recording.audioKey = stored ? keyOf(recording, 'audio') : null;
      recording.audioSizeBytes = stored?.sizeBytes ?? null;
      // The video's own reason wins; an audio failure is told only beside a working video.
      if (failure && recording.status !== 'failed')
        recording.failureReason = `audio-only copy: ${failure}`.slice(0, 500);
    }
    await this.recordings.save(recording);
    // A replayed webhook finds it watchable already: the cohort is told once.
    if (output === 'video' && stored && !wasWatchable) {
      const session = await this.sessions.find(recording.sessionId);
      if (session) await this.notices.recordingAvailable(session, recording.id);
    }
    return failure;
  }

  /** Deletes a recording and its files at once (a consent request, say): admins only (the route says so). */
  async remove(id: string, actor: AuthUser): Promise<void> {
    const recording = await this.recordings.findOne({ where: { id } });
    if (!recording) throw new RecordingNotFoundError();
    if (recording.status === 'active') {
      for (const egressId of [recording.egressId, recording.audioEgressId])
        if (egressId) await this.livekit.stopRecording(egressId).catch(() => undefined);
    }
    await this.deleteFiles(recording);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(RecordingEntity, { id });
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'recording.deleted',
            entityType: 'session',
            entityId: recording.sessionId,
            data: { recordingId: id, startedAt: recording.startedAt.toISOString() },
          },
        ],
        manager,
      );
    });
  }

  /**
   * The nightly retention run: recordings stuck `active` for a day become failed (so that they
   * expire in turn), then the files of every recording past its retention go and it is marked
   * expired. A recording whose files cannot be deleted (the store refused) is logged and skipped,
   * not the night's run: the others expire, and the run reports it (then fails, to be retried).
   */
  async expireDue(now = new Date()): Promise<RetentionRun> {
    const stuck = (
      await this.dataSource.query<[{ id: string }[], number]>(
        ...failStuckRecordings(now, 'no end from Egress within a day of the start'),
      )
    )[0];
    for (const { id } of stuck)
      this.logger.warn(`Recording ${id}: still active a day after its start, marked failed`);
    const due = await this.dataSource.query<{ id: string }[]>(
      ...recordingsDue(now, this.config.get('RECORDING_RETENTION_DAYS')),
    );
    const run: RetentionRun = { expired: 0, failed: [], stuck: stuck.length };
    for (const { id } of due) {
      try {
        if (await this.expire(id, now)) run.expired++;
      } catch (error) {
        this.logger.error(`Recording ${id}: its files could not be deleted (${(error as Error).message})`);
        run.failed.push(id);
      }
    }
    return run;
  }

  /** Deletes one recording's files and marks it expired (audited); false when it no longer needs it. */
  private async expire(id: string, now: Date): Promise<boolean> {
    const recording = await this.recordings.findOne({ where: { id } });
    if (!recording || recording.status === 'expired' || recording.status === 'active') return false;
    // Files first: a crash in between leaves a recording that the next run expires again.
    await this.deleteFiles(recording);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        RecordingEntity,
        { id },
        { status: 'expired', expiredAt: now, videoKey: null, audioKey: null },
      );
      await this.audit.record(
        [
          {
            actorId: null,
            action: 'recording.expired',
            entityType: 'session',
            entityId: recording.sessionId,
            data: { recordingId: id, endedAt: recording.endedAt?.toISOString() ?? null },
          },
        ],
        manager,
      );
    });
    return true;
  }

  private async viewable(id: string, actor: AuthUser): Promise<RecordingEntity> {
    const recording = await this.recordings.findOne({ where: { id } });
    if (!recording) throw new RecordingNotFoundError();
    try {
      await this.sessions.accessFor(recording.sessionId, actor, 'attend');
    } catch (error) {
      if (error instanceof SessionNotFoundError) throw new RecordingNotFoundError();
      throw error;
    }
    return recording;
  }

  private async file(recording: RecordingEntity, output: RecordingOutput): Promise<DownloadableFile> {
    const key = output === 'video' ? recording.videoKey : recording.audioKey;
    const stored = key ? await this.storage.head(key) : null;
    if (!key || !stored) throw new RecordingFileUnavailableError(output);
    const day = recording.startedAt.toISOString().slice(0, 10);
    return {
      storageKey: key,
      sizeBytes: stored.sizeBytes,
      etag: stored.etag,
      contentType: FILES[output].contentType,
      fileName: `recording-${day}-${output}.${FILES[output].extension}`,
      inline: true,
    };
  }

  private async deleteFiles(recording: RecordingEntity): Promise<void> {
    for (const output of ['video', 'audio'] as const) await this.storage.delete(keyOf(recording, output));
  }

  private async countView(recordingId: string, userId: string, output: RecordingOutput): Promise<void> {
    await this.dataSource.query(...countView(recordingId, userId, output));
  }

  /** A recording just started or stopped, as the list shows it. */
  private async dto(recording: RecordingEntity): Promise<RecordingDto> {
    const [row] = await this.dataSource.query<RecordingRow[]>(
      ...recordingRows({ recordingId: recording.id }, this.config.get('RECORDING_RETENTION_DAYS')),
    );
    return rowToDto(row);
  }
}

function rowToDto(row: RecordingRow): RecordingDto {
  return {
    id: row.id,
    status: row.status as RecordingDto['status'],
    startedAt: new Date(row.startedAt).toISOString(),
    durationSeconds: row.durationSeconds,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    audioSizeBytes: row.audioSizeBytes === null ? null : Number(row.audioSizeBytes),
    expiresAt: row.expiresAt ? new Date(row.expiresAt).toISOString() : null,
    failureReason: row.failureReason,
  };
}
