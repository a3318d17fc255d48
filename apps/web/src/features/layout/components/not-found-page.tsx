import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyResult } from '@/shared/components/query-states';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <EmptyResult title={t('errors.pageNotFound')} />
      <Button component={Link} to="/" variant="light" mx="auto" display="block" w="fit-content">
        {t('nav.catalog')}
      </Button>
    </>
  );
}
