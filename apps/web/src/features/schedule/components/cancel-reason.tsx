import { Text } from '@mantine/core';
import type { LocalizedText } from '@mre/contracts';
import { useLocalize } from '@/shared/hooks/use-localize';
import { RichText } from '@/shared/components/rich-text';

/** Why a session was cancelled, in the reader's language when it was given in it (else another). */
export function CancelReason({ reasons }: { reasons: LocalizedText | null | undefined }) {
  const localize = useLocalize();
  const reason = reasons ? localize(reasons) : '';
  if (!reason) return null;
  return (
    <Text size="sm" c="red.9" data-testid="session-cancel-reason">
      <RichText
        i18nKey="schedule.cancelReason"
        values={{ reason }}
        components={{ bdi: <bdi dir="auto" /> }}
      />
    </Text>
  );
}
