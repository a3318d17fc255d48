import { ConflictError, NotFoundError } from '@/core/errors/domain-error';

export class CertificateNotFoundError extends NotFoundError {
  readonly code = 'certificate-not-found';

  constructor() {
    super('Certificate');
  }
}

export class AlreadyRevokedError extends ConflictError {
  readonly code = 'certificate-already-revoked';

  constructor() {
    super('This certificate is already revoked');
  }
}
