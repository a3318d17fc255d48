/** The profile card's anchor, so that other pages can link to it without loading it. */
export const CALENDAR_FEED_ANCHOR = 'calendar-feed';
export const CALENDAR_FEED_PATH = `/profile#${CALENDAR_FEED_ANCHOR}`;
