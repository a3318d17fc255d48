import { Text } from '@mantine/core';
import { Trans } from 'react-i18next';
import type { LocalizedText } from '@mre/contracts';
import { useLocalize } from '@/shared/hooks/use-localize';

/** Why a session was cancelled, in the reader's language when it was given in it (else another). */
export function CancelReason({ reasons }: { reasons: LocalizedText | null | undefined }) {
  const localize = useLocalize();
  const reason = reasons ? localize(reasons) : '';
  if (!reason) return null;
  return (
    <Text size="sm" c="red.9" data-testid="session-cancel-reason">
      <Trans i18nKey="schedule.cancelReason" values={{ reason }} components={{ bdi: <bdi dir="auto" /> }} />
    </Text>
  );
}
