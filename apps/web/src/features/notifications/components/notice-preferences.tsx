import { useId } from 'react';
import { Card, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QUESTION_WAITING_HOURS } from '@mre/contracts';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import {
  useNoticePreferences,
  useSetNoticePreference,
  type EmailMode,
  type NoticePreference,
} from '../api/notifications.api';

const MODES: EmailMode[] = ['immediate', 'digest', 'off'];

/**
 * Per kind of notice: e-mail at once, in the daily digest, or none (in-app always). One native
 * select per kind, labelled with the kind and saved as soon as it changes: it fits 360 px, the
 * keyboard and screen readers (the phone's own picker opens).
 */
export function NoticePreferences() {
  const { t } = useTranslation();
  const titleId = useId();
  const preferences = useNoticePreferences();
  const save = useSetNoticePreference();
  const kindName = (kind: NoticePreference['kind']) =>
    t(`notices.kinds.${kind}`, { defaultValue: kind, hours: QUESTION_WAITING_HOURS });
  const saved = save.isSuccess && save.variables;

  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="notice-preferences">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('notices.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notices.intro')}
        </Text>
        {preferences.isPending ? (
          <LoadingState />
        ) : preferences.isError ? (
          <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
        ) : preferences.data.items.length === 0 ? (
          <Text size="sm">{t('notices.empty')}</Text>
        ) : (
          // One labelled select per kind: full width on a phone, two columns on a wide screen.
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            {preferences.data.items.map((item) => (
              <NativeSelect
                key={item.kind}
                size="sm"
                label={kindName(item.kind)}
                value={item.email}
                disabled={save.isPending && save.variables?.kind === item.kind}
                onChange={(event) =>
                  save.mutate({ kind: item.kind, email: event.currentTarget.value as EmailMode })
                }
                data={MODES.map((mode) => ({ value: mode, label: t(`notices.modes.${mode}`) }))}
                data-testid={`notice-mode-${item.kind}`}
              />
            ))}
          </SimpleGrid>
        )}
        <Text size="sm" role="status" aria-live="polite" data-testid="notice-preferences-saved">
          {saved
            ? t('notices.saved', { kind: kindName(saved.kind), mode: t(`notices.modes.${saved.email}`) })
            : ''}
        </Text>
        {save.isError && <ErrorAlert error={save.error} testId="notice-preferences-error" />}
      </Stack>
    </Card>
  );
}
