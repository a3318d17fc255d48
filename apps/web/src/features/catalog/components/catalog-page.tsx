import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCatalogFilters } from '../hooks/use-catalog-filters';
import { CatalogFilters } from './catalog-filters';
import { CourseList } from './course-list';

export function CatalogPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [filters, setFilter] = useCatalogFilters();
  // Only admins receive drafts and archived courses, so only they need to tell them apart.
  const isAdmin = user.role === 'admin';

  return (
    <Stack>
      <Title order={1}>{t('catalog.title')}</Title>
      <CatalogFilters filters={filters} onChange={setFilter} withStatus={isAdmin} />
      <CourseList
        filters={filters}
        onPageChange={(page) => setFilter('page', String(page))}
        showStatus={isAdmin}
      />
    </Stack>
  );
}
