import { NotFoundError, TooManyRequestsError } from '@/core/errors/domain-error';

/** No feed for that token (unknown, revoked or of someone who can no longer sign in), or the person has none. */
export class CalendarFeedNotFoundError extends NotFoundError {
  readonly code = 'calendar-feed-not-found';

  constructor() {
    super('Calendar feed');
  }
}

export class TooManyFeedRequestsError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('Too many calendar feed requests; try again later', retryAfterSeconds);
  }
}
