import { Badge, Group } from '@mantine/core';
import {
  useConnectionQualityIndicator,
  useIsRecording,
  useLocalParticipant,
} from '@livekit/components-react';
import { useTranslation } from 'react-i18next';
import { ConnectionQuality } from 'livekit-client';

const QUALITY_COLORS: Record<ConnectionQuality, string> = {
  [ConnectionQuality.Excellent]: 'green',
  [ConnectionQuality.Good]: 'teal',
  [ConnectionQuality.Poor]: 'orange',
  [ConnectionQuality.Lost]: 'red',
  [ConnectionQuality.Unknown]: 'gray',
};

/** What everyone in the room must see: that it is being recorded, and how good their own link is. */
export function RoomStatus() {
  const { t } = useTranslation();
  const isRecording = useIsRecording();
  const { localParticipant } = useLocalParticipant();
  const { quality } = useConnectionQualityIndicator({ participant: localParticipant });
  return (
    <Group gap="xs">
      {isRecording && (
        <Badge color="red" variant="filled" role="status" data-testid="recording-indicator">
          ● {t('classroom.recording.on')}
        </Badge>
      )}
      <Badge color={QUALITY_COLORS[quality]} variant="light" data-testid="connection-quality">
        {t('classroom.quality.label')}: {t(`classroom.quality.${quality}`)}
      </Badge>
    </Group>
  );
}
