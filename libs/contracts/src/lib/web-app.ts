/**
 * A cookie the web app keeps while someone is signed in on this browser (the tokens themselves
 * stay in localStorage). Not a credential: it only tells the server, with the next page, that the
 * sign-in form's code need not be sent along with it.
 */
export const SIGNED_IN_HINT_COOKIE = 'mre.signed-in';
