import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../../core/errors/domain-error';

export class CohortNotFoundError extends NotFoundError {
  constructor() {
    super('Cohort');
  }
}

export class EnrollmentNotFoundError extends NotFoundError {
  constructor() {
    super('Enrollment');
  }
}

export class ImportJobNotFoundError extends NotFoundError {
  constructor() {
    super('Job');
  }
}

export class NotCohortManagerError extends ForbiddenError {
  constructor(what: string) {
    super(`Only an admin or the coordinator of the cohort's centre may ${what}`);
  }
}

export class NotCohortAdminError extends ForbiddenError {
  constructor(what: string) {
    super(`Only an admin may ${what}`);
  }
}

export class NotCohortStaffError extends ForbiddenError {
  constructor(what: string) {
    super(`Only the cohort's staff may ${what}`);
  }
}

export class NotTeachersError extends InvalidInputError {
  constructor(ids: string[]) {
    super(
      `teacherIds must name diaspora experts or holders of a trainers cohort certificate; these do not: ${ids.join(', ')}`,
    );
  }
}

export class AlreadyEnrolledError extends ConflictError {
  constructor() {
    super('This person is already enrolled in the cohort');
  }
}

export class CompletedEnrollmentError extends ConflictError {
  constructor() {
    super('A completed enrollment cannot be withdrawn');
  }
}

export class NotTraineeError extends InvalidInputError {
  constructor() {
    super('Only users with the trainee role can be enrolled');
  }
}

export class CapacityBelowEnrolledError extends InvalidInputError {
  constructor(taken: number) {
    super(`capacity cannot be less than the ${taken} people already enrolled`);
  }
}

export class InvalidCsvError extends InvalidInputError {}
