import { useUrlFilters } from '@/shared/hooks/use-url-filters';
import type { AuditFilters } from '../api/audit.api';

export type AuditFilterChanges = Partial<Record<'entity' | 'entityId' | 'personId' | 'page', string | null>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kinds of record the platform audits (see AuditService.record in the API). */
export const AUDITED_ENTITIES = ['cohort', 'session', 'certificate', 'user'] as const;

/** Filters in the URL; an id that is not a UUID is not sent (the API would refuse the whole query). */
export function useAuditFilters(): [AuditFilters, (changes: AuditFilterChanges) => void] {
  const [params, setFilters] = useUrlFilters();
  const entityId = params.get('entityId')?.trim();
  const personId = params.get('personId')?.trim();
  const filters: AuditFilters = {
    entity: AUDITED_ENTITIES.find((entity) => entity === params.get('entity')),
    entityId: entityId && UUID.test(entityId) ? entityId : undefined,
    personId: personId && UUID.test(personId) ? personId : undefined,
    page: Number(params.get('page')) || 1,
  };

  return [filters, setFilters];
}

export const isUuid = (value: string) => UUID.test(value.trim());
