import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@mre/api-client';
import { intlLocale, ROLES, USER_STATUSES, type Role, type UserStatus } from '@mre/contracts';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useAllCentres } from '@/shared/api/reference-data.queries';
import { ErrorAlert } from '@/shared/components/error-alert';
import { AdminPageHeader, AdminTable } from '@/shared/components/admin-list';
import { useResendInvitation, useUsers } from '../api/users.api';
import { UserEditModal } from './user-edit-modal';
import { UserFormModal } from './user-form-modal';

const STATUS_COLORS: Record<UserStatus, string> = { invited: 'yellow', active: 'green', disabled: 'gray' };

type User = Schemas['UserDto'];

/**
 * The People page: admins find, create and edit everyone; coordinators see their centre's people
 * and send their trainees' invitations again.
 */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  const centres = useAllCentres();
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<UserStatus | undefined>();
  const [centreId, setCentreId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useUsers({ role, status, centreId, q, page });
  const resend = useResendInvitation();
  // Dates are shown in the viewer's own time zone, whatever the browser's.
  const formatDate = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeZone: me.timeZone,
  });
  const formatDateTime = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: me.timeZone,
  });
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const [erased, setErased] = useState(false);
  const [resentTo, setResentTo] = useState<string | null>(null);
  const resendTo = (user: User) => resend.mutate(user.id, { onSuccess: () => setResentTo(user.email) });

  return (
    <Stack>
      {isAdmin ? (
        <AdminPageHeader
          title={t('admin.users.title')}
          actionLabel={t('admin.users.create')}
          onAction={() => setCreating(true)}
          actionTestId="user-create"
        />
      ) : (
        <Title order={1}>{t('admin.users.title')}</Title>
      )}
      {!isAdmin && (
        <Text size="sm" c="dimmed">
          {t('admin.users.coordinatorIntro')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, md: isAdmin ? 4 : 3 }}>
        <TextInput
          type="search"
          label={t('admin.users.search')}
          value={search}
          onChange={(e) => filter(setSearch)(e.currentTarget.value)}
          data-testid="user-search"
        />
        <Select
          label={t('fields.role')}
          placeholder={t('admin.users.allRoles')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role ?? null}
          onChange={(value) => filter(setRole)((value as Role | null) ?? undefined)}
          clearable
          data-testid="user-role-filter"
        />
        <Select
          label={t('fields.status')}
          placeholder={t('admin.users.allStatuses')}
          data={USER_STATUSES.map((value) => ({ value, label: t(`userStatus.${value}`) }))}
          value={status ?? null}
          onChange={(value) => filter(setStatus)((value as UserStatus | null) ?? undefined)}
          clearable
          data-testid="user-status-filter"
        />
        {isAdmin && (
          <Select
            label={t('fields.centre')}
            placeholder={t('admin.users.allCentres')}
            data={(centres.data ?? []).map((centre) => ({
              value: centre.id,
              label: `${centre.name} (${centre.city})`,
            }))}
            value={centreId ?? null}
            onChange={(value) => filter(setCentreId)(value ?? undefined)}
            searchable
            clearable
            data-testid="user-centre-filter"
          />
        )}
      </SimpleGrid>
      {resend.isError && <ErrorAlert error={resend.error} testId="user-resend-error" />}
      {resend.isSuccess && resentTo && (
        <Alert color="green" role="status" data-testid="user-invitation-sent">
          {t('admin.users.invitationSent', { email: resentTo })}
        </Alert>
      )}
      {erased && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setErased(false)}
          data-testid="person-erased"
        >
          {t('admin.users.erase.done')}
        </Alert>
      )}
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
            <Table.Th>{t('admin.users.lastSignIn')}</Table.Th>
            <Table.Th>{t('fields.createdAt')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </>
        }
        row={(user) => (
          <Table.Tr key={user.id} data-testid="user-row">
            <Table.Td dir="auto">{user.fullName}</Table.Td>
            <Table.Td dir="ltr">{user.email}</Table.Td>
            <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {user.erasedAt ? (
                <Badge color="dark" variant="light" style={{ overflow: 'visible' }} data-testid="user-erased">
                  {t('admin.users.erased')}
                </Badge>
              ) : (
                <Badge color={STATUS_COLORS[user.status]} variant="light" style={{ overflow: 'visible' }}>
                  {t(`userStatus.${user.status}`)}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {user.lastSignInAt
                ? formatDateTime.format(new Date(user.lastSignInAt))
                : t('admin.users.never')}
            </Table.Td>
            <Table.Td>{formatDate.format(new Date(user.createdAt))}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Group gap="xs" wrap="nowrap">
                {isAdmin && (
                  <Button size="xs" variant="light" onClick={() => setEditing(user)} data-testid="user-edit">
                    {t('common.edit')}
                  </Button>
                )}
                {user.status === 'invited' && (isAdmin || user.role === 'trainee') && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => resendTo(user)}
                    loading={resend.isPending && resend.variables === user.id}
                    data-testid="user-resend-invitation"
                  >
                    {t('admin.users.resendInvitation')}
                  </Button>
                )}
                {isAdmin && (
                  <Anchor
                    component={Link}
                    to={`/admin/audit?personId=${user.id}`}
                    size="xs"
                    data-testid="user-audit"
                  >
                    {t('admin.users.auditTrail')}
                  </Anchor>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating && <UserFormModal onClose={() => setCreating(false)} />}
      {editing && (
        <UserEditModal
          user={editing}
          onClose={() => setEditing(null)}
          onErased={() => {
            setEditing(null);
            setErased(true);
          }}
        />
      )}
    </Stack>
  );
}
