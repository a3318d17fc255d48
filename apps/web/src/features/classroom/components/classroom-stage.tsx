import { useState } from 'react';
import { Button, Grid, Group, Paper, SegmentedControl, Stack, Switch, Tabs, Title } from '@mantine/core';
import {
  FocusLayout,
  GridLayout,
  ParticipantTile,
  RoomAudioRenderer,
  useIsRecording,
  useRoomContext,
  useSpeakingParticipants,
  useTrackToggle,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { useTranslation } from 'react-i18next';
import { Track } from 'livekit-client';
import type { RoomRole } from '@mre/contracts';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useDataSaverSetting } from '@/features/profile/hooks/use-data-saver-setting';
import { useRecordingControl } from '../api/classroom.api';
import { useAudioOnly } from '../hooks/use-audio-only';
import { DATA_SAVER_CAPTURE, DATA_SAVER_PUBLISH } from '../hooks/use-classroom-room';
import { useLowestVideoLayers } from '../hooks/use-lowest-video-layers';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useChatRelay } from '../hooks/use-chat-relay';
import { useRaisedHands } from '../hooks/use-raised-hands';
import { ChatPanel } from './chat-panel';
import { ParticipantsPanel } from './participants-panel';
import { RoomStatus } from './room-status';
import './classroom.css';
import { RecordButton } from '@/features/recording-consent/components/record-button';
import { RecordingObjectionsNotice } from '@/features/recording-consent/components/recording-objections-notice';

type ToggleSource = Track.Source.Microphone | Track.Source.Camera | Track.Source.ScreenShare;

interface ClassroomStageProps {
  sessionId: string;
  title: string;
  role: RoomRole;
  canModerate: boolean;
}

type View = 'grid' | 'speaker';

/** The class once connected: videos, controls, chat and people. */
export function ClassroomStage({ sessionId, title, role, canModerate }: ClassroomStageProps) {
  const { t } = useTranslation();
  const room = useRoomContext();
  const [view, setView] = useState<View>('grid');
  const hands = useRaisedHands();
  const chat = useChatRelay(sessionId);
  const { timeZone } = useCurrentUser();
  const [audioOnly, setAudioOnly] = useAudioOnly();
  const dataSaver = useDataSaverSetting();
  useLowestVideoLayers(dataSaver.enabled);
  const publishes = role !== 'observer';
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2" dir="auto">
          {title}
        </Title>
        <RoomStatus />
      </Group>
      <Group gap="xs" data-testid="classroom-toolbar">
        {publishes && <MediaToggle source={Track.Source.Microphone} disabled={false} />}
        {publishes && (
          <MediaToggle source={Track.Source.Camera} disabled={audioOnly} dataSaver={dataSaver.enabled} />
        )}
        {role === 'host' && <MediaToggle source={Track.Source.ScreenShare} disabled={false} />}
        {publishes && (
          <Button
            variant={hands.mine ? 'filled' : 'default'}
            color="yellow"
            onClick={() => void hands.toggle()}
            aria-pressed={hands.mine}
            data-testid="raise-hand"
          >
            ✋ {hands.mine ? t('classroom.hand.lower') : t('classroom.hand.raise')}
          </Button>
        )}
        <SegmentedControl
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'grid', label: t('classroom.view.grid') },
            { value: 'speaker', label: t('classroom.view.speaker') },
          ]}
          data-testid="view-toggle"
        />
        {role === 'trainee' && (
          <Switch
            label={t('classroom.audioOnly')}
            checked={audioOnly}
            onChange={(event) => setAudioOnly(event.currentTarget.checked)}
            data-testid="audio-only"
          />
        )}
        <Switch
          label={t('dataSaver.title')}
          checked={dataSaver.enabled}
          onChange={(event) => dataSaver.choose(event.currentTarget.checked)}
          data-testid="classroom-data-saver"
        />
        {dataSaver.error && <ErrorAlert error={dataSaver.error} testId="classroom-data-saver-error" />}
        {canModerate && <RecordingButton sessionId={sessionId} />}
        {canModerate && <RecordingObjectionsNotice sessionId={sessionId} />}
        <Button
          color="red"
          variant="light"
          onClick={() => void room.disconnect()}
          data-testid="classroom-leave"
        >
          {t('classroom.leave')}
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper className="mre-stage" radius="md" data-testid="classroom-videos">
            {view === 'grid' ? (
              <GridLayout tracks={tracks} className="mre-grid">
                <ParticipantTile />
              </GridLayout>
            ) : (
              <SpeakerView tracks={tracks} />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Tabs defaultValue="chat">
            <Tabs.List>
              <Tabs.Tab value="chat">{t('classroom.chat.title')}</Tabs.Tab>
              <Tabs.Tab value="people">{t('classroom.people')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chat" pt="xs">
              <ChatPanel sessionId={sessionId} canWrite={publishes} timeZone={timeZone} relayed={chat} />
            </Tabs.Panel>
            <Tabs.Panel value="people" pt="xs">
              <ParticipantsPanel sessionId={sessionId} raisedHands={hands.raised} canModerate={canModerate} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      <RoomAudioRenderer />
    </Stack>
  );
}

/** A shared screen first, else whoever speaks, large; the others in a strip below. */
function SpeakerView({ tracks }: { tracks: TrackReferenceOrPlaceholder[] }) {
  const speakers = useSpeakingParticipants();
  const focus =
    tracks.find((track) => track.source === Track.Source.ScreenShare) ??
    tracks.find((track) => track.participant.identity === speakers[0]?.identity) ??
    tracks[0];
  if (!focus) return null;
  const others = tracks.filter((track) => track !== focus);
  return (
    <Stack gap="xs">
      <FocusLayout trackRef={focus} className="mre-focus" />
      {others.length > 0 && (
        <div className="mre-strip">
          {others.map((track) => (
            <ParticipantTile key={`${track.participant.identity}-${track.source}`} trackRef={track} />
          ))}
        </div>
      )}
    </Stack>
  );
}

const TOGGLE_LABELS: Record<ToggleSource, [on: string, off: string]> = {
  [Track.Source.Microphone]: ['classroom.controls.micOn', 'classroom.controls.micOff'],
  [Track.Source.Camera]: ['classroom.controls.cameraOn', 'classroom.controls.cameraOff'],
  [Track.Source.ScreenShare]: ['classroom.controls.shareOn', 'classroom.controls.shareOff'],
};

interface MediaToggleProps {
  source: ToggleSource;
  disabled: boolean;
  /** A camera turned on under data saver is filmed and sent small, in one layer. */
  dataSaver?: boolean;
}

function MediaToggle({ source, disabled, dataSaver = false }: MediaToggleProps) {
  const { t } = useTranslation();
  const { enabled, pending, toggle } = useTrackToggle(
    dataSaver && source === Track.Source.Camera
      ? { source, captureOptions: DATA_SAVER_CAPTURE, publishOptions: DATA_SAVER_PUBLISH }
      : { source },
  );
  const [on, off] = TOGGLE_LABELS[source];
  return (
    <Button
      variant={enabled ? 'filled' : 'default'}
      loading={pending}
      disabled={disabled}
      aria-pressed={enabled}
      onClick={() => void toggle()}
      data-testid={`toggle-${source}`}
    >
      {t(enabled ? on : off)}
    </Button>
  );
}

function RecordingButton({ sessionId }: { sessionId: string }) {
  const isRecording = useIsRecording();
  const recording = useRecordingControl(sessionId);
  return (
    <>
      <RecordButton
        sessionId={sessionId}
        recording={isRecording}
        pending={recording.isPending}
        onStart={() => recording.mutate('start')}
        onStop={() => recording.mutate('stop')}
      />
      {recording.isError && <ErrorAlert error={recording.error} testId="recording-error" />}
    </>
  );
}
