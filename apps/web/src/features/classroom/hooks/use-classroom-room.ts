import { useState } from 'react';
import { Room, type RoomOptions } from 'livekit-client';

/**
 * Adaptive stream pauses and downsizes videos nobody watches; dynacast and simulcast let each
 * viewer receive the layer their connection can carry (classes with trainees on weak links).
 */
export const CLASSROOM_ROOM_OPTIONS: RoomOptions = {
  adaptiveStream: true,
  dynacast: true,
  publishDefaults: { simulcast: true },
};

/**
 * The one place the browser's LiveKit `Room` is made. <LiveKitRoom> connects it, disconnects it when
 * it unmounts, and hands it to the components below through context.
 */
export function useClassroomRoom(): Room {
  const [room] = useState(() => new Room(CLASSROOM_ROOM_OPTIONS));
  return room;
}
