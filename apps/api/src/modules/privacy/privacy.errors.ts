import { ForbiddenError, NotFoundError } from '@/core/errors/domain-error';

export class PersonNotFoundError extends NotFoundError {
  readonly code = 'user-not-found';

  constructor() {
    super('User');
  }
}

export class SelfErasureError extends ForbiddenError {
  readonly code = 'forbidden';

  constructor() {
    super('An admin cannot erase their own account: another admin does it');
  }
}
