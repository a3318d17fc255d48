import { useEffect } from 'react';
import { useRoomContext } from '@livekit/components-react';
import { RoomEvent, Track, VideoQuality, type RemoteTrackPublication } from 'livekit-client';

/**
 * With data saver on, everyone else's video is received in its lowest simulcast layer (adaptive
 * stream may still ask for less); off, the best layer the tile and the link allow again.
 */
export function useLowestVideoLayers(dataSaver: boolean) {
  const room = useRoomContext();

  useEffect(() => {
    const quality = dataSaver ? VideoQuality.LOW : VideoQuality.HIGH;
    const apply = (publication: RemoteTrackPublication) => {
      // Only a subscribed track takes settings; the ones subscribed later are caught below.
      if (publication.kind === Track.Kind.Video && publication.isSubscribed)
        publication.setVideoQuality(quality);
    };
    for (const participant of room.remoteParticipants.values())
      for (const publication of participant.videoTrackPublications.values()) apply(publication);
    const onSubscribed = (_track: unknown, publication: RemoteTrackPublication) => apply(publication);
    room.on(RoomEvent.TrackSubscribed, onSubscribed);
    return () => {
      room.off(RoomEvent.TrackSubscribed, onSubscribed);
    };
  }, [room, dataSaver]);
}
