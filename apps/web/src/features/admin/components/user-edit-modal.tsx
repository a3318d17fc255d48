import { useState } from 'react';
import { Alert, Divider, Modal, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import type { Schemas } from '@mre/api-client';
import { ROLES, type Role } from '@mre/contracts';
import { useAllCentres, useAllNetworks } from '@/shared/api/reference-data.queries';
import { FormModal } from '@/shared/components/form-modal';
import { formatInZone } from '@/shared/lib/zoned-time';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { PersonDataActions } from '@/features/privacy/components/person-data-actions';
import { useUpdateUser } from '../api/users.api';

type User = Schemas['UserDto'];

interface UserEditModalProps {
  user: User;
  onClose: () => void;
  /** The person's data was erased from this dialog. */
  onErased: () => void;
}

/**
 * An admin's changes to a person: name, role, centre, network, and active or disabled; and their
 * personal data (export on their behalf, erasure). An erased account no longer changes.
 */
export function UserEditModal({ user, onClose, onErased }: UserEditModalProps) {
  if (user.erasedAt)
    return <ErasedPersonModal user={user as User & { erasedAt: string }} onClose={onClose} />;
  return <EditableUserModal user={user} onClose={onClose} onErased={onErased} />;
}

function ErasedPersonModal({ user, onClose }: { user: User & { erasedAt: string }; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const viewer = useCurrentUser();
  const date = formatInZone(user.erasedAt, i18n.language, viewer.timeZone, { dateStyle: 'long' });
  return (
    <Modal
      opened
      onClose={onClose}
      title={user.fullName}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Alert color="gray" mb="md" data-testid="person-erased-notice">
        {t('admin.users.erasedNotice', { date })}
      </Alert>
      <PersonDataActions person={user} onErased={onClose} />
    </Modal>
  );
}

function EditableUserModal({ user, onClose, onErased }: UserEditModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const networks = useAllNetworks();
  const centres = useAllCentres();
  const update = useUpdateUser(user.id);
  const [fullName, setFullName] = useState(user.fullName);
  const [role, setRole] = useState<Role>(user.role);
  const [status, setStatus] = useState(user.status);
  const [centreId, setCentreId] = useState<string | null>(user.centreId);
  const [networkId, setNetworkId] = useState<string | null>(user.networkId);

  const submit = () => {
    const body: Schemas['UpdateUserDto'] = {};
    if (fullName.trim() !== user.fullName) body.fullName = fullName.trim();
    if (role !== user.role) body.role = role;
    if (status !== user.status && status !== 'invited') body.status = status;
    if (centreId !== user.centreId) body.centreId = centreId;
    if (networkId !== user.networkId) body.networkId = networkId;
    update.mutate(body, { onSuccess: onClose });
  };

  return (
    <FormModal
      title={t('admin.users.edit', { name: user.fullName })}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={update.isPending}
      error={update.error}
      saveTestId="user-edit-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          required
          data-testid="user-edit-full-name"
        />
        <Select
          label={t('fields.role')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          data-testid="user-edit-role"
        />
        <Select
          label={t('fields.status')}
          data={(user.status === 'invited'
            ? (['invited', 'disabled'] as const)
            : (['active', 'disabled'] as const)
          ).map((value) => ({ value, label: t(`userStatus.${value}`) }))}
          value={status}
          onChange={(value) => value && setStatus(value as User['status'])}
          allowDeselect={false}
          data-testid="user-edit-status"
        />
        <Select
          label={t('fields.centre')}
          data={(centres.data ?? []).map((centre) => ({
            value: centre.id,
            label: `${localize(centre.names)} (${centre.city})`,
          }))}
          value={centreId}
          onChange={setCentreId}
          searchable
          clearable
          data-testid="user-edit-centre"
        />
        <Select
          label={t('fields.network')}
          data={(networks.data ?? []).map((network) => ({
            value: network.id,
            label: localize(network.names),
          }))}
          value={networkId}
          onChange={setNetworkId}
          searchable
          clearable
          data-testid="user-edit-network"
        />
      </SimpleGrid>
      <Divider />
      <PersonDataActions person={user} onErased={onErased} />
    </FormModal>
  );
}
