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

/** The longest class-chat message, in characters. */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;

/**
 * The data-channel topics the API relays class-chat news on, and their payloads: a message as it is
 * stored, and the id of one a host deleted.
 */
export const CHAT_TOPIC = 'chat';
export const CHAT_DELETED_TOPIC = 'chat-deleted';
export interface ChatRelay {
  id: string;
  authorId: string;
  name: string;
  text: string;
  sentAt: string;
}
export interface ChatDeletedRelay {
  id: string;
  deletedAt: string;
}

/**
 * The recording notice trainees acknowledge (its words are in the web app's texts, per language).
 * A new wording gets a new version, so that each stored answer says which words it answered.
 */
export const RECORDING_CONSENT_TEXT_VERSION = '2026-12';
export const RECORDING_CONSENT_CHOICES = ['accepted', 'objected'] as const;
export type RecordingConsentChoice = (typeof RECORDING_CONSENT_CHOICES)[number];
