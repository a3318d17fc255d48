import { Affix, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Says a new version is there and lets the person choose when to take it: a half-typed form or a
 * running class is never reloaded under them.
 */
export default function UpdatePrompt({ apply }: { apply: () => Promise<void> }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const [applying, setApplying] = useState(false);
  if (dismissed) return null;
  return (
    <Affix position={{ bottom: 16, left: 16, right: 16 }} zIndex={400}>
      <Paper
        withBorder
        shadow="md"
        p="sm"
        maw={480}
        mx="auto"
        role="status"
        aria-live="polite"
        data-testid="update-prompt"
      >
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('offline.updateAvailable')}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setDismissed(true)}>
              {t('offline.later')}
            </Button>
            <Button
              size="xs"
              loading={applying}
              onClick={() => {
                setApplying(true);
                void apply();
              }}
              data-testid="update-apply"
            >
              {t('offline.update')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Affix>
  );
}
