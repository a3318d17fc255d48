import { useCallback, useEffect, useRef, useState } from 'react';
import { LiveKitRoom } from '@livekit/components-react';
import {
  ConnectionError,
  ConnectionErrorReason,
  DisconnectReason,
  type RoomConnectOptions,
} from 'livekit-client';
import { LoadingState } from '@/shared/components/query-states';
import type { JoinGrant } from '../api/classroom.api';
import { useClassroomRoom } from '../hooks/use-classroom-room';
import { ClassroomStage } from './classroom-stage';
import type { DeviceChoices } from './pre-join-panel';

/** Past this, a connection that has not opened counts as failed: the page says so rather than spin. */
const CONNECT_TIMEOUT_MS = 10_000;
const CONNECT_OPTIONS: RoomConnectOptions = {
  websocketTimeout: CONNECT_TIMEOUT_MS,
  peerConnectionTimeout: CONNECT_TIMEOUT_MS,
};

export type ClassroomEnd = 'unreachable' | 'removed' | 'left';

interface LiveClassroomProps {
  sessionId: string;
  title: string;
  grant: JoinGrant;
  devices: DeviceChoices;
  /** On when joining: the camera is then filmed and sent small if the person turns it on. */
  dataSaver: boolean;
  /** Hosts, and admins (who join as observers), may moderate. */
  canModerate: boolean;
  /** The room opened: the service is back, whatever failed before. */
  onConnected: () => void;
  onEnd: (end: ClassroomEnd) => void;
}

export function LiveClassroom({
  sessionId,
  title,
  grant,
  devices,
  dataSaver,
  canModerate,
  onConnected: onRoomConnected,
  onEnd,
}: LiveClassroomProps) {
  const room = useClassroomRoom(dataSaver);
  const [connected, setConnected] = useState(false);
  const connectedRef = useRef(false);
  // LiveKit's callbacks are handed over once; they reach the latest onEnd and onConnected through these.
  const onEndRef = useRef(onEnd);
  const onRoomConnectedRef = useRef(onRoomConnected);
  useEffect(() => {
    onEndRef.current = onEnd;
    onRoomConnectedRef.current = onRoomConnected;
  }, [onEnd, onRoomConnected]);

  useEffect(() => {
    if (connected) return;
    const watchdog = setTimeout(() => onEndRef.current('unreachable'), CONNECT_TIMEOUT_MS);
    return () => clearTimeout(watchdog);
  }, [connected]);

  const onConnected = useCallback(() => {
    connectedRef.current = true;
    setConnected(true);
    onRoomConnectedRef.current();
  }, []);
  // Before the connection opens, any error means the service is out of reach. A cancelled attempt is
  // our own doing (React remounting in development) and is followed by a new one.
  const onError = useCallback((error: Error) => {
    if (connectedRef.current) return;
    if (error instanceof ConnectionError && error.reason === ConnectionErrorReason.Cancelled) return;
    onEndRef.current('unreachable');
  }, []);
  const onDisconnected = useCallback((reason?: DisconnectReason) => {
    if (reason === DisconnectReason.CLIENT_INITIATED && !connectedRef.current) return;
    if (reason === DisconnectReason.PARTICIPANT_REMOVED) onEndRef.current('removed');
    else if (reason === DisconnectReason.CLIENT_INITIATED) onEndRef.current('left');
    else onEndRef.current('unreachable');
  }, []);

  const publishes = grant.role !== 'observer';
  return (
    <LiveKitRoom
      room={room}
      serverUrl={grant.serverUrl}
      token={grant.token}
      connect
      connectOptions={CONNECT_OPTIONS}
      audio={publishes && devices.audio}
      video={publishes && devices.video}
      onConnected={onConnected}
      onError={onError}
      onDisconnected={onDisconnected}
      data-testid="live-classroom"
    >
      {connected ? (
        <ClassroomStage sessionId={sessionId} title={title} role={grant.role} canModerate={canModerate} />
      ) : (
        <LoadingState />
      )}
    </LiveKitRoom>
  );
}
