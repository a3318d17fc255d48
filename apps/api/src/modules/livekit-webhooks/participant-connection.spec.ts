import { participantConnection } from './participant-connection';

const USER = '0b6f3c1e-8a4d-4f2b-9c7e-1d2a3b4c5d6e';
const OCCURRED = new Date('2026-11-29T09:05:00Z');

function event(name: string, participant?: Record<string, string>) {
  return { event: name, payload: participant ? { participant } : {}, occurredAt: OCCURRED };
}

describe('participantConnection', () => {
  it('reads a join: the person, the connection and the time LiveKit saw them join', () => {
    const sut = participantConnection(
      event('participant_joined', { sid: 'PA_1', identity: USER, joinedAt: '1796029200' }),
    );
    expect(sut).toEqual({
      userId: USER,
      participantSid: 'PA_1',
      joinedAt: new Date(1796029200 * 1000),
      leftAt: null,
    });
  });

  it('prefers the join time in milliseconds to the one in seconds', () => {
    const sut = participantConnection(
      event('participant_joined', {
        sid: 'PA_1',
        identity: USER,
        joinedAt: '1796029200',
        joinedAtMs: '1796029200750',
      }),
    );
    expect(sut).toMatchObject({ joinedAt: new Date(1796029200750) });
  });

  it("takes the event's own time for a join that carries none", () => {
    const sut = participantConnection(event('participant_joined', { sid: 'PA_1', identity: USER }));
    expect(sut).toMatchObject({ joinedAt: OCCURRED, leftAt: null });
  });

  it("ends the connection at a leave's time, and leaves its start unknown when the leave does not tell", () => {
    expect(
      participantConnection(
        event('participant_left', { sid: 'PA_1', identity: USER, joinedAt: '1796029200' }),
      ),
    ).toMatchObject({ joinedAt: new Date(1796029200 * 1000), leftAt: OCCURRED });
    expect(participantConnection(event('participant_left', { sid: 'PA_1', identity: USER }))).toMatchObject({
      joinedAt: null,
      leftAt: OCCURRED,
    });
  });

  it('counts only platform users: an identity that is not a user id, or a missing connection id, is noted', () => {
    const participants: (Record<string, string> | undefined)[] = [
      { sid: 'PA_1', identity: 'egress-recorder' },
      { sid: 'PA_1' },
      { identity: USER },
      undefined,
    ];
    for (const participant of participants)
      expect(participantConnection(event('participant_joined', participant))).toBe(
        'participant is not a platform user',
      );
  });

  it('notes the events attendance does not use', () => {
    for (const name of ['room_started', 'track_published', 'participant_connection_aborted'])
      expect(participantConnection(event(name, { sid: 'PA_1', identity: USER }))).toBe(
        'not used for attendance',
      );
  });
});
