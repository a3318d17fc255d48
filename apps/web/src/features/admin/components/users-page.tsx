import { useState } from 'react';
import { Badge, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserStatus } from '@mre/contracts';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useUsers } from '../api/users.api';
import { AdminPageHeader, AdminTable } from '@/shared/components/admin-list';
import { UserFormModal } from './user-form-modal';

const STATUS_COLORS: Record<UserStatus, string> = { invited: 'yellow', active: 'green', disabled: 'gray' };

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [role, setRole] = useState<Role | undefined>();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const users = useUsers({ role, q, page });
  // Dates are shown in the viewer's own time zone, whatever the browser's.
  const formatDate = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeZone: useCurrentUser().timeZone,
  });

  return (
    <Stack>
      <AdminPageHeader
        title={t('nav.users')}
        actionLabel={t('admin.users.create')}
        onAction={() => setCreating(true)}
        actionTestId="user-create"
      />
      <Group grow>
        <TextInput
          type="search"
          label={t('catalog.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="user-search"
        />
        <Select
          label={t('fields.role')}
          placeholder={t('admin.users.allRoles')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role ?? null}
          onChange={(value) => {
            setRole((value as Role | null) ?? undefined);
            setPage(1);
          }}
          clearable
          data-testid="user-role-filter"
        />
      </Group>
      <AdminTable
        query={users}
        page={page}
        onPageChange={setPage}
        emptyTitle={t('admin.users.empty')}
        testId="user-table"
        head={
          <>
            <Table.Th>{t('fields.fullName')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('fields.language')}</Table.Th>
            <Table.Th>{t('fields.createdAt')}</Table.Th>
          </>
        }
        row={(user) => (
          <Table.Tr key={user.id}>
            <Table.Td dir="auto">{user.fullName}</Table.Td>
            <Table.Td dir="ltr">{user.email}</Table.Td>
            <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[user.status]} variant="light">
                {t(`userStatus.${user.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{t(`languages.${user.locale}`)}</Table.Td>
            <Table.Td>{formatDate.format(new Date(user.createdAt))}</Table.Td>
          </Table.Tr>
        )}
      />
      {creating && <UserFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
