import { NotFoundError, UnauthorizedError } from '@/core/errors/domain-error';

/** Also what someone outside the cohort gets: they need not learn that the recording exists. */
export class RecordingNotFoundError extends NotFoundError {
  readonly code = 'recording-not-found';

  constructor() {
    super('Recording');
  }
}

/** The recording exists, but this output is not there (still being written, failed, or expired). */
export class RecordingFileUnavailableError extends NotFoundError {
  readonly code = 'recording-file-unavailable';

  constructor(output: string) {
    super(`The ${output} file of this recording is not available`);
    this.message = `The ${output} file of this recording is not available`;
  }
}

export class PlaybackLinkInvalidError extends UnauthorizedError {
  readonly code = 'playback-link-invalid';

  constructor() {
    super('This playback link is not valid or has expired; open the recording again');
  }
}
