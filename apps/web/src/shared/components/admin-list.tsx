import type { ReactNode } from 'react';
import { Button, Group, Table, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';
import { ListPagination } from './list-pagination';
import { EmptyResult } from './empty-result';
import { ErrorState, LoadingState } from './query-states';

interface AdminPageHeaderProps {
  title: string;
  actionLabel: string;
  onAction: () => void;
  actionTestId: string;
}

export function AdminPageHeader({ title, actionLabel, onAction, actionTestId }: AdminPageHeaderProps) {
  return (
    <Group justify="space-between">
      <Title order={1}>{title}</Title>
      <Button onClick={onAction} data-testid={actionTestId}>
        {actionLabel}
      </Button>
    </Group>
  );
}

interface AdminTableProps<T> {
  query: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  onPageChange: (page: number) => void;
  emptyTitle: string;
  head: ReactNode;
  row: (item: T) => ReactNode;
  testId: string;
}

/** A paged list answer as a table, with the loading, error and empty states every admin list needs. */
export function AdminTable<T>({
  query,
  page,
  onPageChange,
  emptyTitle,
  head,
  row,
  testId,
}: AdminTableProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyResult title={emptyTitle} />;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{query.data.items.map(row)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPagination
        page={page}
        pageSize={ADMIN_PAGE_SIZE}
        total={query.data.total}
        onChange={onPageChange}
      />
    </>
  );
}
