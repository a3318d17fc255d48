import { Anchor, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetworkName, useSectorName } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCourses } from '@/features/catalog/api/catalog.queries';
import { CatalogFilters } from '@/features/catalog/components/catalog-filters';
import { CourseStatusBadge } from '@/features/catalog/components/course-status-badge';
import { useCatalogFilters } from '@/features/catalog/hooks/use-catalog-filters';
import { AdminTable } from '@/shared/components/admin-list';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';

export function AdminCoursesPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sectorName = useSectorName();
  const networkName = useNetworkName();
  const [catalogFilters, setFilter] = useCatalogFilters();
  const filters = { ...catalogFilters, pageSize: ADMIN_PAGE_SIZE };
  const courses = useCourses(filters);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('nav.adminCourses')}</Title>
        <Button component={Link} to="/admin/courses/new" data-testid="course-create">
          {t('admin.courses.create')}
        </Button>
      </Group>
      <CatalogFilters filters={filters} onChange={setFilter} withStatus />
      <AdminTable
        query={courses}
        page={filters.page}
        onPageChange={(page) => setFilter('page', String(page))}
        emptyTitle={t('catalog.empty')}
        testId="course-table"
        head={
          <>
            <Table.Th>{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.title')}</Table.Th>
            <Table.Th>{t('fields.sector')}</Table.Th>
            <Table.Th>{t('fields.network')}</Table.Th>
            <Table.Th>{t('fields.format')}</Table.Th>
            <Table.Th>{t('fields.durationHours')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </>
        }
        row={(course) => (
          <Table.Tr key={course.id}>
            <Table.Td dir="ltr">{course.code}</Table.Td>
            <Table.Td>
              <Anchor
                component={Link}
                to={`/admin/courses/${course.id}`}
                dir="auto"
                data-testid="course-row-link"
              >
                {localize(course.title)}
              </Anchor>
            </Table.Td>
            <Table.Td>{sectorName(course.sectorCode)}</Table.Td>
            <Table.Td>{networkName(course.networkId)}</Table.Td>
            <Table.Td>{t(`course.format.${course.format}`)}</Table.Td>
            <Table.Td>{course.durationHours}</Table.Td>
            <Table.Td>
              <CourseStatusBadge status={course.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
