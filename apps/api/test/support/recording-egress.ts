import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeLiveKit } from './fake-livekit';

/** A 2-second 160×120 MP4 (H.264 + AAC) and its sound as OGG (Opus), made with ffmpeg: see fixtures/recordings/README.md. */
export const RECORDED_VIDEO = readFileSync(join(__dirname, '../fixtures/recordings/class.mp4'));
export const RECORDED_AUDIO = readFileSync(join(__dirname, '../fixtures/recordings/class.ogg'));
export const RECORDED_SECONDS = 2;

/** The file outputs of the Egress requests the platform sent LiveKit for a room, video first. */
export function egressOutputs(livekit: FakeLiveKit, roomName: string) {
  const starts = livekit.calls('StartRoomCompositeEgress').filter((c) => c.body.roomName === roomName);
  const output = (audioOnly: boolean) => {
    const request = starts.find((c) => Boolean(c.body.audioOnly) === audioOnly);
    if (!request) throw new Error(`no ${audioOnly ? 'audio' : 'video'} Egress for ${roomName}`);
    return (
      request.body.fileOutputs as { filepath: string; fileType: string; s3?: Record<string, unknown> }[]
    )[0];
  };
  return { video: output(false), audio: output(true) };
}

/** The `egress_ended` webhook LiveKit sends once a file output is written (or has failed). */
export function egressEnded(
  egressId: string,
  roomName: string,
  file: { filepath: string; size: number } | { error: string },
) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const started = now - BigInt(RECORDED_SECONDS) * 1_000_000_000n;
  return {
    event: 'egress_ended',
    id: `EV_${randomUUID()}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    egressInfo: {
      egressId,
      roomName,
      startedAt: String(started),
      endedAt: String(now),
      ...('error' in file
        ? { status: 'EGRESS_FAILED', error: file.error }
        : {
            status: 'EGRESS_COMPLETE',
            fileResults: [
              {
                filename: file.filepath,
                startedAt: String(started),
                endedAt: String(now),
                duration: String(BigInt(RECORDED_SECONDS) * 1_000_000_000n),
                size: String(file.size),
                location: file.filepath,
              },
            ],
          }),
    },
  };
}
