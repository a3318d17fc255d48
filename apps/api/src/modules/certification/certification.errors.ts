import { ConflictError, NotFoundError } from '../../core/errors/domain-error';

export class CertificateNotFoundError extends NotFoundError {
  constructor() {
    super('Certificate');
  }
}

export class AlreadyRevokedError extends ConflictError {
  constructor() {
    super('This certificate is already revoked');
  }
}
