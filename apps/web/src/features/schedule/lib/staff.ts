import type { Role } from '@mre/contracts';

/** Who runs sessions: they see attendance, and may reschedule or cancel (the API checks the cohort). */
export const SESSION_STAFF: readonly Role[] = ['admin', 'expert', 'coordinator'];
/** Who may put a session on a cohort's calendar: its teachers (experts) and admins. */
export const SESSION_SCHEDULERS: readonly Role[] = ['admin', 'expert'];
