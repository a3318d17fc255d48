import { ForbiddenError, InvalidInputError, NotFoundError } from '@/core/errors/domain-error';

export class AnnouncementNotFoundError extends NotFoundError {
  readonly code = 'announcement-not-found';

  constructor() {
    super('Announcement');
  }
}

export class QuestionNotFoundError extends NotFoundError {
  readonly code = 'question-not-found';

  constructor() {
    super('Question');
  }
}

export class AnswerNotFoundError extends NotFoundError {
  readonly code = 'answer-not-found';

  constructor() {
    super('Answer');
  }
}

/** Announcements and moderation are for the cohort's admins, teachers and coordinator. */
export class BoardStaffOnlyError extends ForbiddenError {
  readonly code = 'board-staff-only';

  constructor(what: string) {
    super(`Only the cohort's staff may ${what}`);
  }
}

/** Accepting an answer and pinning a question are for those who teach (and admins). */
export class BoardTeachersOnlyError extends ForbiddenError {
  readonly code = 'board-teachers-only';

  constructor(what: string) {
    super(`Only the cohort's teachers may ${what}`);
  }
}

export class BoardTraineesOnlyError extends ForbiddenError {
  readonly code = 'board-trainees-only';

  constructor() {
    super("Only the cohort's trainees ask questions on its board; staff answer them");
  }
}

export class AttachmentNotOfCourseError extends InvalidInputError {
  readonly code = 'attachment-not-of-course';

  constructor(materialIds: string[]) {
    super(`Not files of the cohort's course: ${materialIds.join(', ')}`);
    this.details.materialIds = materialIds.join(',');
  }
}

export class AnswerNotOfQuestionError extends InvalidInputError {
  readonly code = 'answer-not-of-question';

  constructor() {
    super('The answer is not one of this question’s');
  }
}

/** A question's file is added by the one who asked it. */
export class QuestionAskerOnlyError extends ForbiddenError {
  readonly code = 'question-asker-only';

  constructor() {
    super('Only the person who asked the question may attach a file to it');
  }
}

export class AttachmentNotFoundError extends NotFoundError {
  readonly code = 'attachment-not-found';

  constructor() {
    super('Attachment');
  }
}
