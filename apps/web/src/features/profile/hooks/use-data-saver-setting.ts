import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useDataSaver, type DataSaver } from '@/shared/hooks/use-data-saver';
import { useUpdateMe } from '../api/profile.mutations';

export interface DataSaverSetting extends DataSaver {
  /** The person's saved choice; null follows the connection. */
  preference: boolean | null;
  choose: (preference: boolean | null) => void;
  saving: boolean;
  error: Error | null;
}

/**
 * The signed-in person's data saver, kept on their profile: the profile page, the classroom and any
 * later recording player (which must then not autoplay) read `enabled` from here.
 */
export function useDataSaverSetting(): DataSaverSetting {
  const user = useCurrentUser();
  const update = useUpdateMe();
  // While the choice is on its way, the page already behaves as chosen.
  const pending = update.isPending ? update.variables.dataSaver : undefined;
  const preference = pending !== undefined ? pending : user.dataSaver;
  const saver = useDataSaver(preference);
  return {
    ...saver,
    preference,
    choose: (dataSaver) => update.mutate({ dataSaver }),
    saving: update.isPending,
    error: update.error,
  };
}
