import { ConflictError, ForbiddenError, NotFoundError } from '@/core/errors/domain-error';

export class CourseNotFoundError extends NotFoundError {
  readonly code = 'course-not-found';

  constructor() {
    super('Course');
  }
}

export class ModuleNotFoundError extends NotFoundError {
  readonly code = 'module-not-found';

  constructor() {
    super('Module');
  }
}

export class CourseCodeTakenError extends ConflictError {
  readonly code = 'course-code-taken';

  constructor() {
    super('A course with this code already exists');
  }
}

export class NotCourseEditorError extends ForbiddenError {
  readonly code = 'not-course-editor';

  constructor(what = 'edit this course') {
    super(`Only an admin or an expert of the course may ${what}`);
  }
}
