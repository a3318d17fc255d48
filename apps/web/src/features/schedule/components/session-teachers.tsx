import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "With Samir Haddad and Leila Benali", each name isolated from the sentence's direction. */
export function SessionTeachers({ names }: { names?: string[] }) {
  const { t, i18n } = useTranslation();
  if (!names || names.length === 0) return null;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).formatToParts(names);
  return (
    <Text size="sm" c="dimmed" data-testid="session-teachers">
      {t('schedule.teachers')}{' '}
      {list.map((part, index) =>
        part.type === 'element' ? <bdi key={index}>{part.value}</bdi> : <span key={index}>{part.value}</span>,
      )}
    </Text>
  );
}
