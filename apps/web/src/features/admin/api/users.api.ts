import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import type { Role, UserStatus } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';

export interface UserFilters {
  role?: Role;
  status?: UserStatus;
  centreId?: string;
  q?: string;
  page: number;
}

const userKeys = { all: ['users'] as const };

export function useUsers({ role, status, centreId, q, page }: UserFilters) {
  const api = useApi();
  return useQuery({
    queryKey: [...userKeys.all, { role, status, centreId, q, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: { query: { role, status, centreId, q: q || undefined, page, pageSize: ADMIN_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateUserDto']) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResendInvitation() {
  const api = useApi();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/users/{id}/invitation', { params: { path: { id } } })),
  });
}
