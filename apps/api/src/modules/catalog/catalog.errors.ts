import { ConflictError, ForbiddenError, NotFoundError } from '../../core/errors/domain-error';

export class CourseNotFoundError extends NotFoundError {
  constructor() {
    super('Course');
  }
}

export class ModuleNotFoundError extends NotFoundError {
  constructor() {
    super('Module');
  }
}

export class CourseCodeTakenError extends ConflictError {
  constructor() {
    super('A course with this code already exists');
  }
}

export class NotCourseEditorError extends ForbiddenError {
  constructor(what = 'edit this course') {
    super(`Only an admin or an expert of the course may ${what}`);
  }
}
