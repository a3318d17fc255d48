import { useState } from 'react';
import { Button, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { WITHDRAWABLE_STATUSES } from '@mre/contracts';
import { ActionsHeader } from '@/shared/components/actions-header';
import { AdminTable } from '@/shared/components/admin-list';
import { useRoster } from '../api/enrollments.api';
import { EnrollmentStatusBadge } from './enrollment-status-badge';
import { WithdrawModal } from './withdraw-modal';

type Enrollment = Schemas['EnrollmentDto'];

/** The people of a cohort: places taken first, then the waitlist in order, then those who left. */
export function Roster({ cohortId, canManage }: { cohortId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [withdrawing, setWithdrawing] = useState<Enrollment | null>(null);
  const roster = useRoster(cohortId, { q, page });

  return (
    <Stack>
      <TextInput
        type="search"
        label={t('catalog.search')}
        placeholder={t('cohorts.roster.searchPlaceholder')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
        data-testid="roster-search"
      />
      <AdminTable
        query={roster}
        page={page}
        onPageChange={setPage}
        emptyTitle={t(q ? 'cohorts.roster.noMatch' : 'cohorts.roster.empty')}
        testId="roster-table"
        head={
          <>
            <Table.Th>{t('fields.fullName')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('cohorts.roster.waitlistPosition')}</Table.Th>
            {canManage && <ActionsHeader />}
          </>
        }
        row={(enrollment) => (
          <Table.Tr key={enrollment.userId} data-testid="roster-row">
            <Table.Td data-testid="roster-name">
              {/* Isolated in the cell, which keeps the page's alignment. */}
              <bdi>{enrollment.fullName}</bdi>
            </Table.Td>
            <Table.Td dir="ltr">{enrollment.email}</Table.Td>
            <Table.Td>
              <EnrollmentStatusBadge status={enrollment.status} />
            </Table.Td>
            <Table.Td data-testid="roster-position">{enrollment.position ?? '—'}</Table.Td>
            {canManage && (
              <Table.Td>
                {WITHDRAWABLE_STATUSES.includes(enrollment.status) && (
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    onClick={() => setWithdrawing(enrollment)}
                    data-testid="withdraw-open"
                  >
                    {t('cohorts.withdraw.open')}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      {withdrawing && (
        <WithdrawModal cohortId={cohortId} enrollment={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </Stack>
  );
}
