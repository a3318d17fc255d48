import { ConflictError, NotFoundError } from '@/core/errors/domain-error';

export class NetworkNotFoundError extends NotFoundError {
  readonly code = 'network-not-found';

  constructor() {
    super('Network');
  }
}

export class CentreNotFoundError extends NotFoundError {
  readonly code = 'centre-not-found';

  constructor() {
    super('Centre');
  }
}

export class DuplicateNameError extends ConflictError {
  readonly code = 'name-taken';

  constructor(what: string) {
    super(`A ${what} with this name already exists`);
    this.details.what = what;
  }
}
