import type { WebhookEventEntity } from './webhook-event.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ParticipantJson {
  sid?: string;
  identity?: string;
  joinedAt?: string;
  joinedAtMs?: string;
}

/** One participant connection as a participant_joined or participant_left event reports it. */
export interface ParticipantConnection {
  userId: string;
  participantSid: string;
  joinedAt: Date | null;
  leftAt: Date | null;
}

/**
 * Reads the connection a participant event reports, or answers why the event counts for nothing
 * in attendance (the note the inbox keeps).
 */
export function participantConnection(
  event: Pick<WebhookEventEntity, 'event' | 'payload' | 'occurredAt'>,
): ParticipantConnection | string {
  if (event.event !== 'participant_joined' && event.event !== 'participant_left')
    return 'not used for attendance';
  const participant = (event.payload.participant ?? {}) as ParticipantJson;
  if (!participant.sid || !participant.identity || !UUID.test(participant.identity))
    return 'participant is not a platform user';
  const joinedMs = Number(participant.joinedAtMs ?? 0) || Number(participant.joinedAt ?? 0) * 1000;
  return {
    userId: participant.identity,
    participantSid: participant.sid,
    joinedAt:
      joinedMs > 0 ? new Date(joinedMs) : event.event === 'participant_joined' ? event.occurredAt : null,
    leftAt: event.event === 'participant_left' ? event.occurredAt : null,
  };
}
