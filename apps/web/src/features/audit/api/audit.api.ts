import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';

export type AuditEntry = Schemas['AuditEntryDto'];

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  /** A person's trail: what they did, what was done to their account, and the entries that concern them. */
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

export interface RecordOption {
  value: string;
  label: string;
}

/** The largest page the API serves. */
const MAX_PAGE_SIZE = 100;

/**
 * Records of a kind to pick from, by name: cohorts and sessions (of the last year and the next), or
 * the people whose name or e-mail matches `search`. Certificates are found by their id.
 */
export function useRecordOptions(
  entity: string | undefined,
  search: string,
  sessionLabel: (session: Schemas['SessionDto']) => string,
) {
  const api = useApi();
  return useQuery({
    queryKey: ['audit', 'records', entity, entity === 'user' ? search : ''],
    enabled: entity === 'cohort' || entity === 'session' || entity === 'user',
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<RecordOption[]> => {
      if (entity === 'cohort') {
        const list = await unwrap(
          api.GET('/api/cohorts', { params: { query: { page: 1, pageSize: MAX_PAGE_SIZE } } }),
        );
        return list.items.map((cohort) => ({ value: cohort.id, label: cohort.name }));
      }
      if (entity === 'user') {
        const list = await unwrap(
          api.GET('/api/users', {
            params: { query: { page: 1, pageSize: 20, ...(search ? { q: search } : {}) } },
          }),
        );
        return list.items.map((user) => ({ value: user.id, label: `${user.fullName} · ${user.email}` }));
      }
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
      const list = await unwrap(
        api.GET('/api/sessions', { params: { query: { page: 1, pageSize: MAX_PAGE_SIZE, from } } }),
      );
      return list.items.map((session) => ({ value: session.id, label: sessionLabel(session) }));
    },
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
