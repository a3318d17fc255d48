import type { Role } from '@mre/contracts';

/** Who is calling, as the access token says. */
export interface AuthUser {
  id: string;
  role: Role;
  centreId: string | null;
  networkId: string | null;
  /** The refresh family the token was issued in: signing out revokes it. */
  familyId?: string;
  /** The person's role requires two-factor sign-in and they have not enabled it yet. */
  twoFactorSetupRequired?: boolean;
}

export interface AccessTokenPayload {
  sub: string;
  role: Role;
  centreId: string | null;
  networkId: string | null;
  /** When it was issued, in milliseconds: `iat` has whole seconds, too coarse to tell a token made just before a revocation from one made just after. */
  iatMs?: number;
  /** Refresh family (see AuthUser.familyId). */
  fam?: string;
  /** Set while the person must still enable two-factor sign-in (TWO_FACTOR_REQUIRED_FOR). */
  tfa?: 'setup';
}
