import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';

export type AuditEntry = Schemas['AuditEntryDto'];

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  /** A person's trail: what they did and what was done to their account. */
  personId?: string;
  page: number;
}

export function useAuditEntries(filters: AuditFilters) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { ...filters, pageSize: ADMIN_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * A person's name from their id (the audit log keeps ids): one request per person, cached for the
 * session, since the same few admins and coordinators act again and again.
 */
export function useUserName(id: string | null): string | undefined {
  const api = useApi();
  const user = useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    staleTime: Infinity,
  });
  return user.data?.fullName;
}
