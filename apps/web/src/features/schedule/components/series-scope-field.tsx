import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type SeriesScope = 'one' | 'following';

interface SeriesScopeFieldProps {
  value: SeriesScope;
  onChange: (scope: SeriesScope) => void;
}

/** For a session of a weekly series: change this session only, or it and the following ones. */
export function SeriesScopeField({ value, onChange }: SeriesScopeFieldProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('schedule.scope.label')}
      value={value}
      onChange={(scope) => onChange(scope as SeriesScope)}
      data-testid="session-scope"
    >
      <Stack gap="xs" mt="xs">
        <Radio value="one" label={t('schedule.scope.one')} data-testid="session-scope-one" />
        <Radio
          value="following"
          label={t('schedule.scope.following')}
          data-testid="session-scope-following"
        />
      </Stack>
    </Radio.Group>
  );
}
