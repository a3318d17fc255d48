import { ConflictError, NotFoundError } from '../../core/errors/domain-error';

export class NetworkNotFoundError extends NotFoundError {
  constructor() {
    super('Network');
  }
}

export class CentreNotFoundError extends NotFoundError {
  constructor() {
    super('Centre');
  }
}

export class DuplicateNameError extends ConflictError {
  constructor(what: string) {
    super(`A ${what} with this name already exists`);
  }
}
