import { useId } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useDataSaverSetting } from '../hooks/use-data-saver-setting';

type Choice = 'auto' | 'on' | 'off';

const PREFERENCES: Record<Choice, boolean | null> = { auto: null, on: true, off: false };

/**
 * Automatic (follows the connection), on or off, saved on the person's profile at once. The
 * classroom shows it without the long explanation.
 */
export function DataSaverChoice({ withExplanation = false }: { withExplanation?: boolean }) {
  const { t } = useTranslation();
  const setting = useDataSaverSetting();
  const labelId = useId();
  const value: Choice = setting.preference === null ? 'auto' : setting.preference ? 'on' : 'off';
  const state = setting.automatic ? (setting.enabled ? 'autoOn' : 'autoOff') : setting.enabled ? 'on' : 'off';

  return (
    <Stack gap={6} data-testid="data-saver">
      <Text fw={600} id={labelId}>
        {t('dataSaver.title')}
      </Text>
      {withExplanation && (
        <Text size="sm" c="dimmed">
          {t('dataSaver.explanation')}
        </Text>
      )}
      {/* Each label at its own width: equal thirds would cut the longest at 360 px. */}
      <SegmentedControl
        style={{ alignSelf: 'flex-start' }}
        aria-labelledby={labelId}
        value={value}
        onChange={(choice) => setting.choose(PREFERENCES[choice as Choice])}
        data={(['auto', 'on', 'off'] as const).map((choice) => ({
          value: choice,
          label: t(`dataSaver.choice.${choice}`),
        }))}
        data-testid="data-saver-choice"
      />
      <Text size="sm" role="status" data-testid="data-saver-state">
        {t(`dataSaver.state.${state}`)}
      </Text>
      {setting.error && <ErrorAlert error={setting.error} testId="data-saver-error" />}
    </Stack>
  );
}
