import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useServices } from '@/shared/api/services.context';
import { ME_QUERY_KEY } from '@/features/auth/hooks/use-session';

export function useUpdateMe() {
  const { api, queryClient, i18n } = useServices();
  return useMutation({
    mutationFn: (body: Schemas['UpdateMeDto']) => unwrap(api.PATCH('/api/me', { body })),
    onSuccess: (user, body) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
      // The language saved on the profile is the one the user wants to read the UI in; a change
      // of something else (data saver) leaves the language they read in now.
      if (body.locale) void i18n.changeLanguage(user.locale);
    },
  });
}
