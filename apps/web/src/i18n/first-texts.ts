/** A language's texts, or part of them: sections of sentences, as in ar.json, fr.json and en.json. */
export interface TextTree {
  [key: string]: string | TextTree;
}

/**
 * The texts the first screens show, downloaded with the page: the sign-in, the signed-in frame
 * (layout, navigation, bell, offline notices, update prompt) and a trainee's everyday pages (home,
 * schedule, my courses). The rest of the language (two thirds of it) follows once the first page
 * shows, and before any other page renders (`withAllTexts` in i18n.ts). Each entry is a section or
 * a key path inside one; first-texts.spec.ts fails when a module of those screens uses a text not
 * named here.
 */
export const FIRST_TEXTS = [
  'auth.login',
  'auth.twoFactor',
  'auth.forgot.link',
  'fields.email',
  'fields.password',
  'fields.togglePassword',
  'common',
  'layout',
  'nav',
  'offline',
  'home',
  'notifications',
  'notices.bell',
  'board.open',
  'board.notices',
  'schedule',
  'cohorts.nav',
  'cohorts.mine',
  'cohorts.kind',
  'cohorts.status',
  'quizzes.mine',
  'quizzes.minutes',
  'quizzes.purpose',
  'quizzes.questions',
  'quizzes.result.passed',
  'course.progress',
  'recordingConsent.mayBeRecorded',
  'recordingConsent.notRecorded',
  'calendarFeed.cohortLink',
  'calendarFeed.scheduleLink',
  'attendance.status',
  'classChat.open',
  'feedback.give',
  'admin.networks.international',
  'reports.nav',
  'audit.nav',
  // An error shows only after a failed request, by when the rest is usually there; these are the
  // ones the sign-in and the home can meet first (describeError says "server error" for a code
  // whose sentence has not arrived yet, and says it right once it has).
  'errors.network',
  'errors.server',
  'errors.required',
  'errors.pageNotFound',
  'errors.codes.unauthorized',
  'errors.codes.forbidden',
  'errors.codes.too-many-requests',
  'errors.codes.internal-error',
  'errors.codes.service-unavailable',
  'errors.codes.database-unavailable',
  'errors.codes.access-token-required',
  'errors.codes.bad-credentials',
  'errors.codes.refresh-token-invalid',
  'errors.codes.too-many-sign-in-attempts',
  'errors.codes.two-factor-code-invalid',
  'errors.codes.two-factor-challenge-invalid',
  'errors.codes.too-many-two-factor-attempts',
  'errors.codes.two-factor-required',
  'errors.codes.two-factor-setup-required',
  'errors.codes.user-erased',
] as const;

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Splits a language's texts into the part the first screens need (FIRST_TEXTS) and the rest. */
export function splitTexts(texts: TextTree): { first: TextTree; rest: TextTree } {
  const first: TextTree = {};
  const rest: TextTree = structuredClone(texts);
  for (const path of FIRST_TEXTS) {
    const names = path.split('.');
    const leaf = names.pop() as string;
    let from: TextTree | string | undefined = rest;
    let to = first;
    for (const name of names) {
      from = typeof from === 'object' ? from[name] : undefined;
      to = (to[name] ??= {}) as TextTree;
    }
    if (typeof from !== 'object') throw new Error(`FIRST_TEXTS names ${path}, which the texts lack`);
    // A counted text is several keys (`total_one`, `total_other`…): all of them go.
    const keys = Object.keys(from).filter((key) => key === leaf || key.replace(PLURAL, '') === leaf);
    if (keys.length === 0) throw new Error(`FIRST_TEXTS names ${path}, which the texts lack`);
    for (const key of keys) {
      to[key] = from[key];
      delete from[key];
    }
  }
  return { first, rest: withoutEmpty(rest) };
}

function withoutEmpty(tree: TextTree): TextTree {
  const pruned: TextTree = {};
  for (const [key, value] of Object.entries(tree)) {
    const kept = typeof value === 'string' ? value : withoutEmpty(value);
    if (typeof kept === 'string' || Object.keys(kept).length > 0) pruned[key] = kept;
  }
  return pruned;
}

/** The two parts of a language back in one (what splitTexts took apart). */
export function joinTexts(first: TextTree, rest: TextTree): TextTree {
  const joined: TextTree = { ...rest };
  for (const [key, value] of Object.entries(first)) {
    const other = joined[key];
    joined[key] = typeof value === 'object' && typeof other === 'object' ? joinTexts(value, other) : value;
  }
  return joined;
}
