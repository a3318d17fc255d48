import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@/core/errors/domain-error';

export class QuizNotFoundError extends NotFoundError {
  readonly code = 'quiz-not-found';

  constructor() {
    super('Quiz');
  }
}

export class AttemptNotFoundError extends NotFoundError {
  readonly code = 'attempt-not-found';

  constructor() {
    super('Attempt');
  }
}

/** A question that lacks what its kind needs (choices, a right answer, a value). */
export class InvalidQuestionError extends InvalidInputError {
  readonly code = 'invalid-question';

  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.details.field = path;
  }
}

export class QuizHasAttemptsError extends ConflictError {
  readonly code = 'quiz-has-attempts';

  constructor() {
    super('Trainees have taken this quiz: its attempts are kept, so it cannot be deleted');
  }
}

export class QuizNotOpenError extends ConflictError {
  readonly code = 'quiz-not-open';

  constructor(opensAt: Date | null) {
    super(opensAt && opensAt > new Date() ? 'This quiz is not open yet' : 'This quiz is not open');
    if (opensAt) this.details.opensAt = opensAt.toISOString();
  }
}

export class AttemptsExhaustedError extends ConflictError {
  readonly code = 'attempts-exhausted';

  constructor(allowed: number) {
    super(`All ${allowed} attempt(s) allowed at this quiz were used`);
    this.details.attemptsAllowed = allowed;
  }
}

export class AttemptSubmittedError extends ConflictError {
  readonly code = 'attempt-submitted';

  constructor() {
    super('This attempt was submitted: its answers can no longer change');
  }
}

export class AttemptTimeUpError extends ConflictError {
  readonly code = 'attempt-time-up';

  constructor() {
    super('The time allowed for this attempt is over: it was submitted with the answers saved before');
  }
}

export class InvalidAnswerError extends InvalidInputError {
  readonly code = 'invalid-answer';

  constructor(questionId: string) {
    super(`The answer to question ${questionId} does not fit the question`);
    this.details.questionId = questionId;
  }
}

/** Only trainees enrolled in the cohort take its quizzes; staff see the results instead. */
export class NotCohortTraineeError extends ForbiddenError {
  readonly code = 'not-cohort-trainee';

  constructor() {
    super('Only the trainees of the cohort take its quizzes');
  }
}

export class NotQuizRunnerError extends ForbiddenError {
  readonly code = 'not-quiz-runner';

  constructor() {
    super("Only an admin, the cohort's teachers or its centre's coordinator may open or close its quizzes");
  }
}
