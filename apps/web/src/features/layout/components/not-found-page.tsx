import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Its own h1, as every page has one: screen readers announce where the person landed. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" data-testid="empty-state">
      <Title order={1} ta="center">
        {t('errors.pageNotFound')}
      </Title>
      <Button component={Link} to="/" variant="light">
        {t('nav.catalog')}
      </Button>
    </Stack>
  );
}
