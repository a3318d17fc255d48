import { useState } from 'react';
import {
  Room,
  VideoPresets,
  type RoomOptions,
  type TrackPublishOptions,
  type VideoCaptureOptions,
} from 'livekit-client';

/**
 * Adaptive stream pauses and downsizes videos nobody watches; dynacast and simulcast let each
 * viewer receive the layer their connection can carry (classes with trainees on weak links).
 */
const CLASSROOM_ROOM_OPTIONS: RoomOptions = {
  adaptiveStream: true,
  dynacast: true,
  publishDefaults: { simulcast: true },
};

/**
 * With data saver on, a camera the person turns on is filmed and sent small, in one layer: no
 * higher simulcast layers go up a link that cannot spare them.
 */
export const DATA_SAVER_CAPTURE: VideoCaptureOptions = { resolution: VideoPresets.h180.resolution };
export const DATA_SAVER_PUBLISH: TrackPublishOptions = {
  simulcast: false,
  videoEncoding: VideoPresets.h180.encoding,
};

export function classroomRoomOptions(dataSaver: boolean): RoomOptions {
  if (!dataSaver) return CLASSROOM_ROOM_OPTIONS;
  return {
    ...CLASSROOM_ROOM_OPTIONS,
    videoCaptureDefaults: DATA_SAVER_CAPTURE,
    publishDefaults: { ...CLASSROOM_ROOM_OPTIONS.publishDefaults, ...DATA_SAVER_PUBLISH },
  };
}

/**
 * The one place the browser's LiveKit `Room` is made, with the data-saver setting at the time of
 * joining. <LiveKitRoom> connects it, disconnects it when it unmounts, and hands it to the
 * components below through context.
 */
export function useClassroomRoom(dataSaver: boolean): Room {
  const [room] = useState(() => new Room(classroomRoomOptions(dataSaver)));
  return room;
}
