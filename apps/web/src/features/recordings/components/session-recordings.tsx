import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordingOutput } from '@mre/contracts';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { formatFileSize } from '@/shared/lib/file-size';
import { formatInZone } from '@/shared/lib/zoned-time';
import {
  useDeleteRecording,
  usePlaybackLink,
  useSessionRecordings,
  type PlaybackLink,
  type Recording,
} from '../api/recordings.api';

interface SessionRecordingsProps {
  sessionId: string;
  timeZone: string;
  dataSaver: boolean;
  /** Admins may delete a recording at once (a consent request). */
  canDelete: boolean;
  /** Once the session is over, "no recording" is worth saying; before, the section stays away. */
  ended: boolean;
}

/** The session's recordings, each playable as video or as sound alone; nothing ever plays by itself. */
export function SessionRecordings({
  sessionId,
  timeZone,
  dataSaver,
  canDelete,
  ended,
}: SessionRecordingsProps) {
  const { t } = useTranslation();
  const recordings = useSessionRecordings(sessionId);
  if (!ended && (recordings.isPending || recordings.isError || recordings.data.length === 0)) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid="session-recordings">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('recordings.title')}
        </Title>
        {recordings.isPending ? (
          <LoadingState />
        ) : recordings.isError ? (
          <ErrorState error={recordings.error} onRetry={() => void recordings.refetch()} />
        ) : recordings.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="recordings-empty">
            {t('recordings.empty')}
          </Text>
        ) : (
          recordings.data.map((recording) => (
            <RecordingItem
              key={recording.id}
              sessionId={sessionId}
              recording={recording}
              timeZone={timeZone}
              dataSaver={dataSaver}
              canDelete={canDelete}
            />
          ))
        )}
      </Stack>
    </Paper>
  );
}

interface RecordingItemProps {
  sessionId: string;
  recording: Recording;
  timeZone: string;
  dataSaver: boolean;
  canDelete: boolean;
}

function RecordingItem({ sessionId, recording, timeZone, dataSaver, canDelete }: RecordingItemProps) {
  const { t, i18n } = useTranslation();
  const link = usePlaybackLink();
  const remove = useDeleteRecording(sessionId);
  const [playing, setPlaying] = useState<{ output: RecordingOutput; link: PlaybackLink } | null>(null);
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);
  const play = (output: RecordingOutput) =>
    link.mutate(
      { id: recording.id, output },
      { onSuccess: (answer) => setPlaying({ output, link: answer }) },
    );

  const watch = recording.sizeBytes !== null && (
    <Button
      key="video"
      variant={dataSaver ? 'light' : 'filled'}
      loading={link.isPending && link.variables.output === 'video'}
      onClick={() => play('video')}
      data-testid="recording-play-video"
    >
      {t('recordings.watch', { size: size(recording.sizeBytes) })}
    </Button>
  );
  const listen = recording.audioSizeBytes !== null && (
    <Button
      key="audio"
      variant={dataSaver ? 'filled' : 'light'}
      loading={link.isPending && link.variables.output === 'audio'}
      onClick={() => play('audio')}
      data-testid="recording-play-audio"
    >
      {t('recordings.listen', { size: size(recording.audioSizeBytes) })}
    </Button>
  );

  return (
    <Stack gap="xs" data-testid="recording" data-recording-id={recording.id} data-status={recording.status}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>
            <bdi>
              {formatInZone(recording.startedAt, i18n.language, timeZone, {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </bdi>
          </Text>
          {recording.durationSeconds !== null && (
            <Text size="sm" c="dimmed">
              {t('recordings.duration', { minutes: Math.max(1, Math.round(recording.durationSeconds / 60)) })}
            </Text>
          )}
          {recording.expiresAt && recording.status !== 'expired' && (
            <Text size="xs" c="dimmed" data-testid="recording-expires">
              {t('recordings.keptUntil', {
                date: formatInZone(recording.expiresAt, i18n.language, timeZone, { dateStyle: 'long' }),
              })}
            </Text>
          )}
        </Stack>
        {recording.status !== 'ended' && (
          <Badge
            color={recording.status === 'failed' ? 'red' : recording.status === 'active' ? 'orange' : 'gray'}
          >
            {t(`recordings.status.${recording.status}`)}
          </Badge>
        )}
      </Group>
      {recording.status === 'failed' && (
        <Alert color="red" title={t('recordings.failed')} data-testid="recording-failed">
          {recording.failureReason && (
            <Text size="xs">
              {t('recordings.failureDetail')} <bdi dir="ltr">{recording.failureReason}</bdi>
            </Text>
          )}
        </Alert>
      )}
      {recording.status === 'ended' && recording.sizeBytes === null && (
        <Text size="sm" c="dimmed" data-testid="recording-processing">
          {t('recordings.processing')}
        </Text>
      )}
      {(watch || listen) && (
        <>
          {dataSaver && listen && (
            <Text size="sm" c="dimmed" data-testid="recording-data-saver">
              {t('recordings.dataSaverHint')}
            </Text>
          )}
          <Group gap="xs">{dataSaver ? [listen, watch] : [watch, listen]}</Group>
        </>
      )}
      {link.isError && <ErrorAlert error={link.error} />}
      {playing?.output === 'video' && (
        // The person asked to watch: it may buffer, but it starts only from the player's own button.
        <video
          key={playing.link.url}
          src={playing.link.url}
          controls
          playsInline
          preload={dataSaver ? 'metadata' : 'auto'}
          aria-label={t('recordings.videoLabel')}
          data-testid="recording-video"
          style={{ width: '100%', maxHeight: '70vh', background: 'black', borderRadius: 4 }}
        />
      )}
      {playing?.output === 'audio' && (
        <audio
          key={playing.link.url}
          src={playing.link.url}
          controls
          preload={dataSaver ? 'metadata' : 'auto'}
          aria-label={t('recordings.audioLabel')}
          data-testid="recording-audio"
          style={{ width: '100%' }}
        />
      )}
      {canDelete && (
        <Group>
          <ConfirmButton
            label={t('recordings.delete')}
            onConfirm={() => remove.mutate(recording.id)}
            loading={remove.isPending}
            testId="recording-delete"
          />
        </Group>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </Stack>
  );
}
