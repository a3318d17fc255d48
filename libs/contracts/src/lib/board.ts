/** Longest announcement title and text, and longest question or answer, in characters. */
export const ANNOUNCEMENT_TITLE_MAX = 200;
export const ANNOUNCEMENT_BODY_MAX = 10_000;
export const BOARD_POST_MAX = 5_000;
/** How many course materials one announcement may attach. */
export const ANNOUNCEMENT_ATTACHMENTS_MAX = 10;
/** A question with no visible answer after this long is listed for the cohort's teachers and coordinator. */
export const QUESTION_WAITING_HOURS = 48;
