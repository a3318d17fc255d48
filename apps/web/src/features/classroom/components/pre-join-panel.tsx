import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, AspectRatio, Button, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { useMediaDevices, usePreviewTracks } from '@livekit/components-react';
import { useTranslation } from 'react-i18next';
import type { LocalVideoTrack } from 'livekit-client';
import { DataSaverChoice } from '@/features/profile/components/data-saver-choice';
import type { JoinPhase } from '@/features/schedule/lib/session-time';
import { JoinStatus } from './join-status';

interface Device {
  enabled: boolean;
  deviceId: string | null;
}

export interface DeviceChoices {
  audio: { deviceId?: string } | false;
  video: { deviceId?: string } | false;
}

interface PreJoinPanelProps {
  /** Observers (coordinators, admins) join hidden, without camera or microphone. */
  canPublish: boolean;
  /** Data saver starts the class with sound only: the camera switch starts off (and can be turned on). */
  dataSaver: boolean;
  joining: boolean;
  onJoin: (choices: DeviceChoices) => void;
  /** Where the session stands on the clock: the button is enabled while the window is open. */
  window: { phase: JoinPhase; opensAt: string; now: number };
  /** Why the last attempt was refused, shown under the button. */
  refusal?: ReactNode;
}

/** Camera and microphone chosen and tried before entering the class; nothing leaves the browser yet. */
export function PreJoinPanel({
  canPublish,
  dataSaver,
  joining,
  onJoin,
  window: clock,
  refusal,
}: PreJoinPanelProps) {
  const { t } = useTranslation();
  // Browsers give no media devices outside secure contexts (plain HTTP other than localhost).
  const mediaAvailable = window.isSecureContext && Boolean(navigator.mediaDevices);
  const withDevices = canPublish && mediaAvailable;
  const [video, setVideo] = useState<Device>({ enabled: withDevices && !dataSaver, deviceId: null });
  // Data saver switched here (or by the connection, when automatic) sets the camera's start again.
  useEffect(() => {
    setVideo((current) => ({ ...current, enabled: withDevices && !dataSaver }));
  }, [withDevices, dataSaver]);
  const [audio, setAudio] = useState<Device>({ enabled: withDevices, deviceId: null });

  const choice = ({ enabled, deviceId }: Device) =>
    withDevices && enabled ? { deviceId: deviceId ?? undefined } : (false as const);

  return (
    <Paper withBorder p="md" radius="md" data-testid="pre-join">
      <Stack>
        {/* First, so that it is on the first screen of a phone; the devices can be tried below. */}
        <Stack gap="xs">
          <Button
            size="md"
            loading={joining}
            disabled={clock.phase !== 'open'}
            onClick={() => onJoin({ video: choice(video), audio: choice(audio) })}
            data-testid="classroom-join"
          >
            {t('classroom.preJoin.join')}
          </Button>
          <JoinStatus {...clock} />
          {refusal}
        </Stack>
        <Text fw={600}>{t('classroom.preJoin.title')}</Text>
        {withDevices ? (
          <DeviceSetup
            video={video}
            audio={audio}
            onVideo={setVideo}
            onAudio={setAudio}
            audioFirst={dataSaver && !video.enabled}
          />
        ) : canPublish ? (
          <MediaUnavailable />
        ) : (
          <Text size="sm" c="dimmed">
            {t('classroom.preJoin.observer')}
          </Text>
        )}
        <DataSaverChoice />
      </Stack>
    </Paper>
  );
}

interface DeviceSetupProps {
  video: Device;
  audio: Device;
  onVideo: (device: Device) => void;
  onAudio: (device: Device) => void;
  /** Says why the camera starts off. */
  audioFirst: boolean;
}

function DeviceSetup({ video, audio, onVideo, onAudio, audioFirst }: DeviceSetupProps) {
  const { t } = useTranslation();
  const [mediaError, setMediaError] = useState<Error | null>(null);
  const onMediaError = useCallback((error: Error) => setMediaError(error), []);
  const cameras = useMediaDevices({ kind: 'videoinput', onError: onMediaError });
  const microphones = useMediaDevices({ kind: 'audioinput', onError: onMediaError });
  const tracks = usePreviewTracks(
    {
      video: video.enabled ? { deviceId: video.deviceId ?? undefined } : false,
      audio: audio.enabled ? { deviceId: audio.deviceId ?? undefined } : false,
    },
    onMediaError,
  );
  const videoTrack = tracks?.find((track) => track.kind === 'video') as LocalVideoTrack | undefined;

  return (
    <>
      <CameraPreview track={video.enabled ? videoTrack : undefined} />
      {mediaError && <MediaUnavailable />}
      <Switch
        label={t('classroom.preJoin.camera')}
        checked={video.enabled}
        onChange={(event) => onVideo({ ...video, enabled: event.currentTarget.checked })}
        data-testid="pre-join-camera-on"
      />
      {audioFirst && (
        <Text size="sm" c="dimmed" data-testid="pre-join-audio-first">
          {t('classroom.preJoin.audioFirst')}
        </Text>
      )}
      <Select
        label={t('classroom.preJoin.cameraDevice')}
        data={deviceOptions(cameras, t('classroom.preJoin.camera'))}
        value={video.deviceId ?? cameras[0]?.deviceId ?? null}
        onChange={(deviceId) => onVideo({ ...video, deviceId })}
        disabled={!video.enabled || cameras.length === 0}
        placeholder={t('classroom.preJoin.noDevice')}
        data-testid="pre-join-camera"
      />
      <Switch
        label={t('classroom.preJoin.microphone')}
        checked={audio.enabled}
        onChange={(event) => onAudio({ ...audio, enabled: event.currentTarget.checked })}
        data-testid="pre-join-microphone-on"
      />
      <Select
        label={t('classroom.preJoin.microphoneDevice')}
        data={deviceOptions(microphones, t('classroom.preJoin.microphone'))}
        value={audio.deviceId ?? microphones[0]?.deviceId ?? null}
        onChange={(deviceId) => onAudio({ ...audio, deviceId })}
        disabled={!audio.enabled || microphones.length === 0}
        placeholder={t('classroom.preJoin.noDevice')}
        data-testid="pre-join-microphone"
      />
    </>
  );
}

function MediaUnavailable() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" data-testid="media-error" title={t('classroom.preJoin.mediaError')}>
      {t('classroom.preJoin.mediaErrorHint')}
    </Alert>
  );
}

/** Labels stay empty until the browser is allowed to use the devices: number them meanwhile. */
function deviceOptions(devices: MediaDeviceInfo[], fallback: string) {
  return devices
    .filter((device) => device.deviceId)
    .map((device, index) => ({ value: device.deviceId, label: device.label || `${fallback} ${index + 1}` }));
}

function CameraPreview({ track }: { track?: LocalVideoTrack }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => void track.detach(element);
  }, [track]);
  return (
    <AspectRatio ratio={16 / 9} bg="dark.7" style={{ borderRadius: 8, overflow: 'hidden' }}>
      {track ? (
        // Mirrored, as people expect to see themselves.
        <video
          ref={video}
          muted
          playsInline
          data-testid="pre-join-preview"
          style={{ transform: 'scaleX(-1)' }}
        />
      ) : (
        <Text c="gray.4" ta="center" data-testid="pre-join-no-preview">
          {t('classroom.preJoin.cameraOff')}
        </Text>
      )}
    </AspectRatio>
  );
}
