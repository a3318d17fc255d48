import { useCallback, useEffect, useState } from 'react';
import { useDataChannel, useLocalParticipant, useRoomContext } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';

const HAND_TOPIC = 'hand';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Raised hands travel as reliable data messages on the "hand" topic; someone who joins later learns
 * of a raised hand because its owner says it again when they arrive.
 */
export function useRaisedHands() {
  const room = useRoomContext();
  const { localParticipant } = useLocalParticipant();
  const [raised, setRaised] = useState<ReadonlySet<string>>(new Set());
  const mine = raised.has(localParticipant.identity);

  const mark = useCallback((identity: string, up: boolean) => {
    setRaised((current) => {
      const next = new Set(current);
      if (up) next.add(identity);
      else next.delete(identity);
      return next;
    });
  }, []);

  const { send } = useDataChannel(HAND_TOPIC, (message) => {
    const identity = message.from?.identity;
    if (!identity) return;
    try {
      mark(identity, (JSON.parse(decoder.decode(message.payload)) as { raised?: boolean }).raised === true);
    } catch {
      // A malformed message changes nothing.
    }
  });

  const announce = useCallback(
    (up: boolean) =>
      send(encoder.encode(JSON.stringify({ raised: up })), { reliable: true, topic: HAND_TOPIC }),
    [send],
  );

  useEffect(() => {
    const forget = (participant: { identity: string }) => mark(participant.identity, false);
    const repeat = () => {
      if (mine) void announce(true);
    };
    room.on(RoomEvent.ParticipantDisconnected, forget).on(RoomEvent.ParticipantConnected, repeat);
    return () => {
      room.off(RoomEvent.ParticipantDisconnected, forget).off(RoomEvent.ParticipantConnected, repeat);
    };
  }, [room, mine, mark, announce]);

  const toggle = async () => {
    await announce(!mine);
    mark(localParticipant.identity, !mine);
  };

  return { raised, mine, toggle };
}
