import type { Role } from '@mre/contracts';

/** Who is calling, as the access token says. */
export interface AuthUser {
  id: string;
  role: Role;
  centreId: string | null;
  networkId: string | null;
}

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  centreId: string | null;
  networkId: string | null;
}
