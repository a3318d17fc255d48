import {
  ConflictError,
  type ErrorDetails,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@/core/errors/domain-error';

export class CohortNotFoundError extends NotFoundError {
  readonly code = 'cohort-not-found';

  constructor() {
    super('Cohort');
  }
}

export class EnrollmentNotFoundError extends NotFoundError {
  readonly code = 'enrollment-not-found';

  constructor() {
    super('Enrollment');
  }
}

export class NotCohortManagerError extends ForbiddenError {
  readonly code = 'not-cohort-manager';

  constructor(what: string) {
    super(`Only an admin or the coordinator of the cohort's centre may ${what}`);
  }
}

export class NotCohortAdminError extends ForbiddenError {
  readonly code = 'admin-only';

  constructor(what: string) {
    super(`Only an admin may ${what}`);
  }
}

export class NotCohortStaffError extends ForbiddenError {
  readonly code = 'not-cohort-staff';

  constructor(what: string) {
    super(`Only the cohort's staff may ${what}`);
  }
}

export class NotTeachersError extends InvalidInputError {
  readonly code = 'not-teachers';

  constructor(ids: string[]) {
    super(
      `teacherIds must name diaspora experts or holders of a trainers cohort certificate; these do not: ${ids.join(', ')}`,
    );
  }
}

export class AlreadyEnrolledError extends ConflictError {
  readonly code = 'already-enrolled';

  constructor() {
    super('This person is already enrolled in the cohort');
  }
}

export class CompletedEnrollmentError extends ConflictError {
  readonly code = 'enrollment-completed';

  constructor() {
    super('A completed enrollment cannot be withdrawn');
  }
}

export class NotTraineeError extends InvalidInputError {
  readonly code = 'not-trainee';

  constructor() {
    super('Only users with the trainee role can be enrolled');
  }
}

/**
 * A coordinator's one answer for anyone they may not enroll (outside their centre, not a trainee,
 * or no such user): which of these it was would tell them about people they cannot see.
 */
export class NotEnrollableError extends InvalidInputError {
  readonly code = 'not-enrollable';

  constructor() {
    super('This person cannot be enrolled in this cohort');
  }
}

export class CapacityBelowEnrolledError extends InvalidInputError {
  readonly code = 'capacity-below-enrolled';

  constructor(taken: number) {
    super(`capacity cannot be less than the ${taken} people already enrolled`);
    this.details.enrolled = taken;
  }
}

type CsvProblem =
  'csv-empty' | 'csv-no-rows' | 'csv-too-many-rows' | 'csv-not-utf8' | 'csv-binary' | 'csv-missing-column';

/** A file the import cannot take at all (a bad row is reported in the import's result instead). */
export class InvalidCsvError extends InvalidInputError {
  constructor(
    readonly code: CsvProblem,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    Object.assign(this.details, details);
  }
}

export class BothUserIdAndEmailError extends InvalidInputError {
  readonly code = 'user-id-or-email';

  constructor() {
    super('Give either userId or email, not both');
  }
}

export class DatesOutOfOrderError extends InvalidInputError {
  readonly code = 'dates-out-of-order';

  constructor(message = 'endsOn must not be before startsOn') {
    super(message);
  }
}
