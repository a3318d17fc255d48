import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

export function ListPagination({ page, pageSize, total, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {t('common.total', { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          value={page}
          total={pages}
          onChange={onChange}
          // The arrows show no text: their names are for screen readers.
          getControlProps={(control) =>
            control === 'previous' || control === 'next' ? { 'aria-label': t(`common.${control}Page`) } : {}
          }
        />
      )}
    </Group>
  );
}
