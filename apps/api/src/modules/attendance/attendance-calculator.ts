import type { AttendanceStatus } from '@mre/contracts';

export interface PresenceSegment {
  joinedAt: Date;
  /** null while the person is still in the room. */
  leftAt: Date | null;
}

export interface AttendanceInput {
  scheduledStart: Date;
  scheduledEnd: Date;
  segments: PresenceSegment[];
  /** When open segments end: the room's finish time, or now while the class runs. */
  openUntil: Date;
}

export interface AttendanceFigures {
  minutesPresent: number;
  percent: number;
  firstJoinAt: Date | null;
  status: Exclude<AttendanceStatus, 'excused'>;
}

export const PRESENT_PERCENT = 75;
export const LATE_PERCENT = 50;
export const LATE_AFTER_MINUTES = 10;

/**
 * Attendance of one person in one session: segments are clamped to the scheduled time and their
 * overlaps (a reconnect whose join arrives before the old leave) counted once.
 */
export function computeAttendance(input: AttendanceInput): AttendanceFigures {
  const start = input.scheduledStart.getTime();
  const end = input.scheduledEnd.getTime();
  const clamped = input.segments
    .map(
      (s) =>
        [
          Math.max(s.joinedAt.getTime(), start),
          Math.min((s.leftAt ?? input.openUntil).getTime(), end),
        ] as const,
    )
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);

  let presentMs = 0;
  let coveredUntil = -Infinity;
  for (const [from, to] of clamped) {
    const counted = Math.max(from, coveredUntil);
    if (to > counted) presentMs += to - counted;
    coveredUntil = Math.max(coveredUntil, to);
  }

  const scheduledMs = end - start;
  const percent = scheduledMs > 0 ? Math.round((presentMs / scheduledMs) * 1000) / 10 : 0;
  const firstJoinAt = clamped.length > 0 ? new Date(clamped[0][0]) : null;
  return {
    minutesPresent: Math.round(presentMs / 60_000),
    percent,
    firstJoinAt,
    status: statusOf(percent, firstJoinAt, input.scheduledStart),
  };
}

function statusOf(percent: number, firstJoinAt: Date | null, start: Date): AttendanceFigures['status'] {
  if (percent >= PRESENT_PERCENT) return 'present';
  const late = firstJoinAt !== null && firstJoinAt.getTime() - start.getTime() > LATE_AFTER_MINUTES * 60_000;
  if (late && percent >= LATE_PERCENT) return 'late';
  return 'absent';
}
