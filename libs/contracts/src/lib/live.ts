export const SESSION_MODES = ['remote', 'hybrid'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A recording is `active` while Egress writes it; `expired` once retention removed its files. */
export const RECORDING_STATUSES = ['active', 'ended', 'failed', 'expired'] as const;
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/** The two files of a recording: the room composite video, and the sound alone for weak links. */
export const RECORDING_OUTPUTS = ['video', 'audio'] as const;
export type RecordingOutput = (typeof RECORDING_OUTPUTS)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ROOM_ROLES = ['host', 'trainee', 'observer'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];
