import type { RecordingOutput } from '@mre/contracts';

/** How long a link to play a recording works: the class twice over (pauses, seeking back), within bounds. */
export function playbackSeconds(durationSeconds: number | null): number {
  return Math.min(6 * 3600, Math.max(15 * 60, 2 * (durationSeconds ?? 0)));
}

/** What a playback link opens: one output of one recording. */
export function playbackSubject(recordingId: string, output: RecordingOutput): string {
  return `recording/${recordingId}/${output}`;
}
