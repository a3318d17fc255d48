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
  /** When it was issued, in milliseconds: `iat` has whole seconds, too coarse to tell a token made just before a revocation from one made just after. */
  iatMs?: number;
}
