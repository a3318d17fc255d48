import type { TokenStore } from '@mre/api-client';
import { SIGNED_IN_HINT_COOKIE } from '@mre/contracts';

/**
 * Keeps the signed-in hint cookie in step with the tokens: the server then sends the sign-in form's
 * code with the page only to those who will see the form (configure-app.ts in the API).
 */
export function keepSignedInHint(tokens: TokenStore, target: { cookie: string } = document): void {
  const follow = () => {
    target.cookie = tokens.get()
      ? `${SIGNED_IN_HINT_COOKIE}=1; path=/; max-age=31536000; SameSite=Lax`
      : `${SIGNED_IN_HINT_COOKIE}=; path=/; max-age=0; SameSite=Lax`;
  };
  follow();
  tokens.subscribe(follow);
}
