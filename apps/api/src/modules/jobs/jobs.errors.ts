import { NotFoundError } from '@/core/errors/domain-error';

/** No source has the job, or the one asking may not follow it: either way it does not exist for them. */
export class JobNotFoundError extends NotFoundError {
  readonly code = 'job-not-found';

  constructor() {
    super('Job');
  }
}
