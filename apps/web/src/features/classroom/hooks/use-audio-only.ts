import { useEffect, useState } from 'react';
import { useRoomContext } from '@livekit/components-react';
import { RoomEvent } from 'livekit-client';

/**
 * Low-bandwidth mode for a trainee on a weak link: their camera goes off and no incoming video is
 * received (unsubscribed, so the server stops sending it); sound, chat and the hand keep working.
 */
export function useAudioOnly(): [boolean, (on: boolean) => void] {
  const room = useRoomContext();
  const [audioOnly, setAudioOnly] = useState(false);

  useEffect(() => {
    const apply = () => {
      for (const participant of room.remoteParticipants.values())
        for (const publication of participant.videoTrackPublications.values())
          publication.setSubscribed(!audioOnly);
    };
    apply();
    if (audioOnly) void room.localParticipant.setCameraEnabled(false);
    // Cameras switched on later, and people who arrive later, are held back too.
    room.on(RoomEvent.TrackPublished, apply);
    return () => {
      room.off(RoomEvent.TrackPublished, apply);
    };
  }, [room, audioOnly]);

  return [audioOnly, setAudioOnly];
}
