import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnsupportedMediaTypeError,
} from '@/core/errors/domain-error';

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

export class MaterialNotFoundError extends NotFoundError {
  readonly code = 'material-not-found';

  constructor() {
    super('Material');
  }
}

/** The content is none of the material types (a renamed program, a script, an unknown format). */
export class MaterialTypeRefusedError extends UnsupportedMediaTypeError {
  readonly code = 'file-type-not-allowed';

  constructor(detected: string | null) {
    super(
      `This kind of file cannot be a course material (${detected ?? 'unknown content'}): send a PDF, an image, an Office or OpenDocument file, MP4/WebM video, MP3/M4A/OGG audio or a ZIP archive`,
    );
    this.details.detected = detected ?? 'unknown';
  }
}

export class EmptyMaterialError extends InvalidInputError {
  readonly code = 'file-missing';

  constructor() {
    super('The file is empty');
  }
}

/** A new order must name each file of the module exactly once, and nothing else. */
export class MaterialOrderMismatchError extends InvalidInputError {
  readonly code = 'material-order-mismatch';

  constructor() {
    super("The order must list each of the module's files exactly once");
  }
}
