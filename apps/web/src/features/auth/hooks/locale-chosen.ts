/** For this tab only: the language picked on the sign-in (or invitation) page, before signing in. */
const CHOSEN_KEY = 'mre.locale.chosen';

export function rememberLocaleChosenBeforeSignIn(locale: string): void {
  sessionStorage.setItem(CHOSEN_KEY, locale);
}

/** The language someone picked in the header before signing in, once (it is then forgotten). */
export function takeLocaleChosenBeforeSignIn(): string | null {
  const chosen = sessionStorage.getItem(CHOSEN_KEY);
  sessionStorage.removeItem(CHOSEN_KEY);
  return chosen;
}
