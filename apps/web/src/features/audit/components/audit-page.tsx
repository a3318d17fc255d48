import { intlLocale } from '@mre/contracts';
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AdminTable } from '@/shared/components/admin-list';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useAuditEntries, useRecordOptions, useUserName, type AuditEntry } from '../api/audit.api';
import { AUDITED_ENTITIES, isUuid, useAuditFilters } from '../hooks/use-audit-filters';

/** Who enrolled, corrected, issued or revoked what, when and why: the record funders ask for. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAuditFilters();
  const entries = useAuditEntries(filters);

  return (
    <Stack>
      <Title order={1}>{t('audit.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      {filters.personId && (
        <PersonBanner personId={filters.personId} onClear={() => setFilters({ personId: null })} />
      )}
      <AuditFilterFields entity={filters.entity} entityId={filters.entityId} onChange={setFilters} />
      <AdminTable
        query={entries}
        page={filters.page}
        onPageChange={(page) => setFilters({ page: String(page) })}
        emptyTitle={t('audit.empty')}
        testId="audit-table"
        head={
          <>
            <Table.Th>{t('audit.columns.when')}</Table.Th>
            <Table.Th>{t('audit.columns.who')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.entity')}</Table.Th>
            <Table.Th>{t('audit.columns.person')}</Table.Th>
            <Table.Th>{t('audit.columns.why')}</Table.Th>
          </>
        }
        row={(entry) => (
          <AuditRow
            key={entry.id}
            entry={entry}
            onFilter={() => setFilters({ entity: entry.entity, entityId: entry.entityId })}
          />
        )}
      />
    </Stack>
  );
}

function PersonBanner({ personId, onClear }: { personId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const name = useUserName(personId);
  return (
    <Alert color="blue" data-testid="audit-person">
      <Group justify="space-between">
        <Text size="sm">{t('audit.personTrail', { name: name ?? personId })}</Text>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('audit.allPeople')}
        </Button>
      </Group>
    </Alert>
  );
}

interface AuditFilterFieldsProps {
  entity?: string;
  entityId?: string;
  onChange: ReturnType<typeof useAuditFilters>[1];
}

function AuditFilterFields({ entity, entityId, onChange }: AuditFilterFieldsProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const { timeZone } = useCurrentUser();
  const [search, setSearch] = useState('');
  const day = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeZone });
  const records = useRecordOptions(
    entity,
    search,
    (session) => `${localize(session.titles)} · ${day.format(new Date(session.startsAt))}`,
  );
  const searchLater = useDebouncedCallback(setSearch, 300);
  // Cohorts, sessions and people are picked by name; certificates by their id.
  const picked = entity === 'cohort' || entity === 'session' || entity === 'user';
  const [id, setId] = useState(entityId ?? '');
  // The field follows the URL when another control changes the id ("filter by this record", back).
  const [shown, setShown] = useState(entityId);
  if (entityId !== shown) {
    setShown(entityId);
    setId(entityId ?? '');
  }
  const applyLater = useDebouncedCallback((value: string) => {
    if (value.trim() === '' || isUuid(value)) onChange({ entityId: value.trim() || null });
  }, 300);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('audit.filters.entity')}
        placeholder={t('audit.filters.allEntities')}
        data={AUDITED_ENTITIES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
        value={entity ?? null}
        onChange={(value) => onChange({ entity: value, entityId: null })}
        clearable
        data-testid="audit-entity"
      />
      {picked ? (
        <Select
          label={t(`audit.filters.pick.${entity}`)}
          placeholder={t('audit.filters.pickPlaceholder')}
          data={records.data ?? []}
          value={entityId ?? null}
          onChange={(value) => onChange({ entityId: value })}
          onSearchChange={(value) => entity === 'user' && searchLater(value)}
          searchable
          clearable
          nothingFoundMessage={records.isFetching ? t('common.loading') : t('common.nothingFound')}
          data-testid="audit-record"
        />
      ) : (
        <TextInput
          label={t('audit.filters.entityId')}
          placeholder="00000000-0000-0000-0000-000000000000"
          value={id}
          error={id.trim() !== '' && !isUuid(id) ? t('audit.filters.badId') : undefined}
          onChange={(event) => {
            setId(event.currentTarget.value);
            applyLater(event.currentTarget.value);
          }}
          dir="ltr"
          data-testid="audit-entity-id"
        />
      )}
    </SimpleGrid>
  );
}

function AuditRow({ entry, onFilter }: { entry: AuditEntry; onFilter: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useCurrentUser();
  const localize = useLocalize();
  const subjectId = typeof entry.data.userId === 'string' ? entry.data.userId : null;
  // Sessions by their title in the reader's language; other records by name; an erased one by its id.
  const recordName = entry.entityTitles ? localize(entry.entityTitles) : entry.entityName;
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const link = recordLink(entry);

  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td>
        <bdi>{when.format(new Date(entry.createdAt))}</bdi>
      </Table.Td>
      <Table.Td data-testid="audit-actor">
        {entry.actorId === null ? (
          t('audit.platform')
        ) : (
          <bdi>{entry.actorName ?? entry.actorId.slice(0, 8)}</bdi>
        )}
      </Table.Td>
      <Table.Td data-testid="audit-action">
        {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
      </Table.Td>
      <Table.Td>
        {/* Apart enough to be hit with a finger: 24 px between the centres of two small targets
            (WCAG 2.5.8); stacked flush they were 21 px apart. */}
        <Stack gap={6} align="flex-start">
          <Text size="sm" data-testid="audit-record-name">
            {recordName && (
              <>
                <bdi>{recordName}</bdi>
                <br />
              </>
            )}
            {link ? (
              <Anchor component={Link} to={link}>
                {t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })}
              </Anchor>
            ) : (
              t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })
            )}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={onFilter}
            title={t('audit.filterByRecord')}
          >
            <Code>{entry.entityId.slice(0, 8)}</Code>
          </Anchor>
        </Stack>
      </Table.Td>
      <Table.Td data-testid="audit-subject">
        {subjectId ? <bdi>{entry.subjectName ?? subjectId.slice(0, 8)}</bdi> : '—'}
      </Table.Td>
      <Table.Td data-testid="audit-reason">
        <Text size="sm" dir="auto">
          {entry.reason ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The page of the record the entry is about, where there is one. */
function recordLink(entry: AuditEntry): string | null {
  if (entry.entity === 'cohort') return `/cohorts/${entry.entityId}`;
  if (entry.entity === 'session') return `/sessions/${entry.entityId}/attendance`;
  if (entry.entity === 'certificate' && typeof entry.data.code === 'string')
    return `/verify/${entry.data.code}`;
  return null;
}
