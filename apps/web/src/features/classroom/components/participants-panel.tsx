import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useLocalParticipant, useParticipants } from '@livekit/components-react';
import { useTranslation } from 'react-i18next';
import type { Participant } from 'livekit-client';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { useParticipantAction } from '../api/classroom.api';

interface ParticipantsPanelProps {
  sessionId: string;
  raisedHands: ReadonlySet<string>;
  canModerate: boolean;
}

interface Removed {
  identity: string;
  name: string;
}

/** Who is in the class, whose hand is up; for the host, mute, remove and let back in. */
export function ParticipantsPanel({ sessionId, raisedHands, canModerate }: ParticipantsPanelProps) {
  const { t } = useTranslation();
  const participants = useParticipants();
  const { localParticipant } = useLocalParticipant();
  const mute = useParticipantAction(sessionId, 'mute');
  const remove = useParticipantAction(sessionId, 'remove');
  const readmit = useParticipantAction(sessionId, 'readmit');
  const [removed, setRemoved] = useState<Removed[]>([]);
  // LiveKit may be out of reach for a moderation call: the API still refuses the person new tokens.
  const [notApplied, setNotApplied] = useState(false);
  const failed = mute.error ?? remove.error ?? readmit.error;

  const removeParticipant = (participant: Participant) =>
    remove.mutate(participant.identity, {
      onSuccess: ({ appliedInRoom }) => {
        setNotApplied(!appliedInRoom);
        setRemoved((list) => [...list, { identity: participant.identity, name: participant.name ?? '' }]);
      },
    });

  return (
    <Stack gap="xs" data-testid="participants-panel">
      {failed != null && <ErrorAlert error={failed} />}
      {notApplied && (
        <Alert color="yellow" data-testid="removal-not-applied">
          {t('classroom.host.notApplied')}
        </Alert>
      )}
      {participants.map((participant) => {
        const isSelf = participant.identity === localParticipant.identity;
        return (
          <Group
            key={participant.identity}
            justify="space-between"
            wrap="nowrap"
            data-testid="participant-row"
          >
            <Group gap={6} wrap="nowrap">
              <Text size="sm" dir="auto" fw={isSelf ? 600 : undefined}>
                {participant.name || participant.identity}
                {isSelf && ` (${t('classroom.you')})`}
              </Text>
              {raisedHands.has(participant.identity) && (
                <Badge color="yellow" size="sm" data-testid="hand-raised">
                  ✋ {t('classroom.hand.raised')}
                </Badge>
              )}
              {!participant.isMicrophoneEnabled && (
                <Badge color="gray" size="xs" variant="light">
                  {t('classroom.micOff')}
                </Badge>
              )}
            </Group>
            {canModerate && !isSelf && (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={!participant.isMicrophoneEnabled}
                  loading={mute.isPending && mute.variables === participant.identity}
                  onClick={() => mute.mutate(participant.identity)}
                  data-testid="participant-mute"
                >
                  {t('classroom.host.mute')}
                </Button>
                <ConfirmButton
                  label={t('classroom.host.remove')}
                  onConfirm={() => removeParticipant(participant)}
                  loading={remove.isPending && remove.variables === participant.identity}
                  testId="participant-remove"
                />
              </Group>
            )}
          </Group>
        );
      })}
      {canModerate && removed.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            {t('classroom.host.removed')}
          </Text>
          {removed.map((person) => (
            <Group key={person.identity} justify="space-between" wrap="nowrap">
              <Text size="sm" dir="auto">
                {person.name || person.identity}
              </Text>
              <Button
                size="xs"
                variant="light"
                loading={readmit.isPending && readmit.variables === person.identity}
                onClick={() =>
                  readmit.mutate(person.identity, {
                    onSuccess: () => setRemoved((list) => list.filter((p) => p.identity !== person.identity)),
                  })
                }
                data-testid="participant-readmit"
              >
                {t('classroom.host.readmit')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
