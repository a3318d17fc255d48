import { InvalidInputError } from '@/core/errors/domain-error';

export class NotificationKindUnknownError extends InvalidInputError {
  readonly code = 'notification-kind-unknown';

  constructor(kind: string, known: readonly string[]) {
    super(`"${kind}" is not a kind of notice that can be e-mailed; the kinds are: ${known.join(', ')}`);
    this.details.kind = kind;
  }
}

export class EmailModeUnknownError extends InvalidInputError {
  readonly code = 'email-mode-unknown';

  constructor(mode: string, known: readonly string[]) {
    super(`"${mode}" is not an e-mail mode; the modes are: ${known.join(', ')}`);
    this.details.mode = mode;
  }
}
