import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { ZonedTime } from '@/shared/components/zoned-time';
import type { Schemas } from '@mre/api-client';

/** Who wrote a post and when, in the reader's zone; the name isolated from the words around it. */
export function BoardMeta({
  author,
  at,
  edited,
}: {
  author: Schemas['BoardAuthorDto'] | null;
  at: string;
  edited?: boolean;
}) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentUser();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={500}>
        <bdi dir="auto">{author?.fullName ?? t('board.formerMember')}</bdi>
      </Text>
      {author?.teacher && (
        <Badge size="sm" variant="light">
          {t('board.teacher')}
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        <ZonedTime instant={at} timeZone={timeZone} options={{ dateStyle: 'medium', timeStyle: 'short' }} />
        {edited && <> · {t('board.edited')}</>}
      </Text>
    </Group>
  );
}
