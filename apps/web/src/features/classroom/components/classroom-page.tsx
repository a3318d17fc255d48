import { useState } from 'react';
import { Alert, Anchor, Button, Grid, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import { Link, useParams } from 'react-router';
import type { Role } from '@mre/contracts';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useDataSaverSetting } from '@/features/profile/hooks/use-data-saver-setting';
import { SessionRecordings } from '@/features/recordings/components/session-recordings';
import { useLiveSession } from '@/features/schedule/api/schedule.api';
import { SessionTime } from '@/features/schedule/components/session-time';
import { useNow } from '@/features/schedule/hooks/use-now';
import { joinPhase } from '@/features/schedule/lib/session-time';
import { useJoinSession, type JoinGrant } from '../api/classroom.api';
import { useAutoRetry } from '../hooks/use-auto-retry';
import { RecordingConsentCard } from '@/features/recording-consent/components/recording-consent-card';
import { RecordingObjectionsNotice } from '@/features/recording-consent/components/recording-objections-notice';
import { ClassChatHistory } from './class-chat-history';
import { CourseMaterials } from './course-materials';
import { PinnedQuestions } from './pinned-questions';
import { JoinRefusal } from './join-refusal';
import { JoinStatus } from './join-status';
import { LiveClassroom, type ClassroomEnd } from './live-classroom';
import { PreJoinPanel, type DeviceChoices } from './pre-join-panel';
import { StillAvailable } from './still-available';
import { VideoUnreachable } from './video-unreachable';

/** Coordinators and admins join as hidden observers: no camera or microphone to choose. */
const PUBLISHING_ROLES: readonly Role[] = ['expert', 'trainee'];

/** Who may record, and so hears of objections before class (the API decides: teachers of the cohort, admins). */
const HOST_ROLES: readonly Role[] = ['expert', 'admin'];

type Phase = { name: 'pre-join' } | { name: 'live'; grant: JoinGrant } | { name: ClassroomEnd };

export default function ClassroomPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const session = useLiveSession(id);
  const join = useJoinSession(id);
  const dataSaver = useDataSaverSetting();
  const [phase, setPhase] = useState<Phase>({ name: 'pre-join' });
  const [devices, setDevices] = useState<DeviceChoices>({ audio: false, video: false });
  // The join button follows the clock: it enables itself when the window opens.
  const now = useNow();

  // Every attempt asks for a fresh token (they live a few minutes; a removed person gets none), and
  // mounts a new <LiveClassroom>, hence a new Room.
  const enter = (choices: DeviceChoices) => {
    setDevices(choices);
    join.mutate(undefined, {
      onSuccess: (grant) => setPhase({ name: 'live', grant }),
      onError: () => setPhase({ name: 'pre-join' }),
    });
  };

  // Unreachable: tries again by itself, with growing delays, and at once when back online.
  const autoRetry = useAutoRetry(phase.name === 'unreachable' && !join.isPending, () => enter(devices), now);

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;

  const windowPhase = joinPhase(session.data, now);
  const over = windowPhase === 'ended' || windowPhase === 'cancelled';

  return (
    <Stack>
      <Anchor component={Link} to="/schedule" size="sm">
        {t('classroom.backToSchedule')}
      </Anchor>
      {phase.name === 'live' ? (
        <>
          <LiveClassroom
            sessionId={id}
            title={localize(session.data.titles)}
            grant={phase.grant}
            devices={devices}
            dataSaver={dataSaver.enabled}
            canModerate={phase.grant.role === 'host' || user.role === 'admin'}
            onConnected={autoRetry.resetFailures}
            onEnd={(end) => setPhase({ name: end })}
          />
          <PinnedQuestions cohortId={session.data.cohortId} />
        </>
      ) : (
        <>
          <Stack gap={4}>
            <Title order={1} dir="auto" data-testid="classroom-title">
              {localize(session.data.titles)}
            </Title>
            <SessionTime session={session.data} timeZone={user.timeZone} withDate />
          </Stack>
          {phase.name === 'unreachable' && (
            <VideoUnreachable
              onRetry={() => enter(devices)}
              retrying={join.isPending}
              offline={!autoRetry.online}
              retryAt={autoRetry.retryAt}
              now={now}
            />
          )}
          {phase.name === 'unreachable' && (
            <StillAvailable
              sessionId={id}
              cohortId={session.data.cohortId}
              timeZone={user.timeZone}
              canWrite={PUBLISHING_ROLES.includes(user.role)}
            />
          )}
          {(phase.name === 'left' || phase.name === 'removed') && (
            <Alert
              color={phase.name === 'removed' ? 'red' : 'blue'}
              role="status"
              data-testid={`classroom-${phase.name}`}
              title={t(`classroom.ended.${phase.name}`)}
            >
              {phase.name === 'left' && (
                <Button mt="sm" size="xs" variant="light" onClick={() => enter(devices)}>
                  {t('classroom.rejoin')}
                </Button>
              )}
            </Alert>
          )}
          {phase.name !== 'pre-join' && join.isError && (
            <JoinRefusal error={join.error} timeZone={user.timeZone} />
          )}
          <SessionRecordings
            sessionId={id}
            timeZone={user.timeZone}
            dataSaver={dataSaver.enabled}
            canDelete={user.role === 'admin'}
            ended={windowPhase === 'ended'}
          />
          {windowPhase === 'ended' && session.data.status === 'scheduled' && (
            <ClassChatHistory sessionId={id} timeZone={user.timeZone} />
          )}
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              {phase.name === 'pre-join' && over && (
                // Nothing to join any more: no camera check, only what became of the class.
                <Paper withBorder p="md" radius="md" data-testid="classroom-over">
                  <JoinStatus phase={windowPhase} opensAt={session.data.joinOpensAt} now={now} />
                </Paper>
              )}
              {phase.name === 'pre-join' && !over && (
                <PreJoinPanel
                  canPublish={PUBLISHING_ROLES.includes(user.role)}
                  dataSaver={dataSaver.enabled}
                  joining={join.isPending}
                  onJoin={enter}
                  window={{ phase: windowPhase, opensAt: session.data.joinOpensAt, now }}
                  // Next to the button that was pressed, not at the top of a page scrolled away.
                  refusal={join.isError && <JoinRefusal error={join.error} timeZone={user.timeZone} />}
                />
              )}
              {phase.name === 'pre-join' && !over && user.role === 'trainee' && (
                <RecordingConsentCard cohortId={session.data.cohortId} timeZone={user.timeZone} />
              )}
              {/* Hosts learn of objections before they join, not only beside the Record button. */}
              {phase.name === 'pre-join' && !over && HOST_ROLES.includes(user.role) && (
                <RecordingObjectionsNotice sessionId={id} mt="md" />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: phase.name === 'pre-join' ? 6 : 12 }}>
              <Stack>
                {/* Pinned for the next class: not for one that is over. */}
                {!over && <PinnedQuestions cohortId={session.data.cohortId} />}
                <CourseMaterials cohortId={session.data.cohortId} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
