import { Injectable } from '@nestjs/common';
import type { RecordingOutput } from '@mre/contracts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@/core/config/app-config';

/** How long a link to play a recording works: the class twice over (pauses, seeking back), within bounds. */
export function playbackSeconds(durationSeconds: number | null): number {
  return Math.min(6 * 3600, Math.max(15 * 60, 2 * (durationSeconds ?? 0)));
}

/**
 * Signed links to play one output of one recording: a `<video>` element cannot send the access
 * token, and its Range requests must work without it. The key is derived from JWT_SECRET for this
 * use only, so a link is never an access token nor the other way round.
 */
@Injectable()
export class PlaybackLinks {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('recording-playback').digest();
  }

  sign(recordingId: string, output: RecordingOutput, userId: string, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    return `${userId}.${exp}.${this.mac(recordingId, output, userId, exp)}`;
  }

  /** The viewer's id when the token is for this recording's output and still valid, else null. */
  verify(recordingId: string, output: RecordingOutput, token: string): string | null {
    const [userId, expText, mac] = token.split('.');
    const exp = Number(expText);
    if (!userId || !mac || !Number.isInteger(exp) || exp * 1000 <= Date.now()) return null;
    const expected = Buffer.from(this.mac(recordingId, output, userId, exp));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  private mac(recordingId: string, output: string, userId: string, exp: number): string {
    return createHmac('sha256', this.key)
      .update(`${recordingId}.${output}.${userId}.${exp}`)
      .digest('base64url');
  }
}
