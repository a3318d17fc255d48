import { useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCentreName } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { AdminTable } from '@/shared/components/admin-list';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCohorts } from '../api/cohorts.api';
import { useCohortFilters } from '../hooks/use-cohort-filters';
import { useFormatDayRange } from '../hooks/use-format-day';
import { CohortFilters } from './cohort-filters';
import { CohortFormModal } from './cohort-form-modal';
import { CohortKindBadge } from './cohort-kind-badge';

/** Admins see every cohort, coordinators their centre's, experts the ones they teach (the API filters). */
export function CohortsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const centreName = useCentreName();
  const formatDays = useFormatDayRange();
  const navigate = useNavigate();
  const isAdmin = useCurrentUser().role === 'admin';
  const [filters, setFilter] = useCohortFilters();
  const [creating, setCreating] = useState(false);
  const cohorts = useCohorts(filters);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('cohorts.list.title')}</Title>
        {isAdmin && (
          <Button onClick={() => setCreating(true)} data-testid="cohort-create">
            {t('cohorts.form.create')}
          </Button>
        )}
      </Group>
      <CohortFilters filters={filters} onChange={setFilter} />
      <AdminTable
        query={cohorts}
        page={filters.page}
        onPageChange={(page) => setFilter('page', String(page))}
        emptyTitle={t('cohorts.list.empty')}
        testId="cohort-table"
        head={
          <>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('cohorts.fields.course')}</Table.Th>
            <Table.Th>{t('fields.centre')}</Table.Th>
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th>{t('cohorts.fields.dates')}</Table.Th>
            <Table.Th>{t('cohorts.counts.enrolled')}</Table.Th>
            <Table.Th>{t('cohorts.counts.waitlisted')}</Table.Th>
          </>
        }
        row={(cohort) => (
          <Table.Tr key={cohort.id} data-testid="cohort-row">
            <Table.Td>
              <Anchor component={Link} to={`/cohorts/${cohort.id}`} dir="auto" data-testid="cohort-row-link">
                {cohort.name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" dir="auto">
                {localize(cohort.courseTitle)}
              </Text>
              <Text size="xs" c="dimmed" dir="ltr">
                {cohort.courseCode}
              </Text>
            </Table.Td>
            <Table.Td dir="auto">{centreName(cohort.centreId) || cohort.centreName}</Table.Td>
            <Table.Td>
              <CohortKindBadge kind={cohort.kind} />
            </Table.Td>
            <Table.Td>{formatDays(cohort.startsOn, cohort.endsOn)}</Table.Td>
            <Table.Td data-testid="cohort-row-enrolled">
              {t('cohorts.counts.ofCapacity', {
                enrolled: cohort.counts.enrolled,
                capacity: cohort.capacity,
              })}
            </Table.Td>
            <Table.Td>{cohort.counts.waitlisted}</Table.Td>
          </Table.Tr>
        )}
      />
      {creating && (
        <CohortFormModal
          onClose={() => setCreating(false)}
          onSaved={(cohort) => navigate(`/cohorts/${cohort.id}`)}
        />
      )}
    </Stack>
  );
}
