import { Logger } from '@nestjs/common';

/** One warning per kind of failure in this window; the ones held back are counted in the next. */
const WINDOW_MS = 10_000;

/**
 * Warnings for calls that carry on without Redis. While Redis is down every request fails the same
 * way: one line per request would bury everything else in the log.
 */
export class OutageLog {
  private readonly logger: Logger;
  private readonly last = new Map<string, { at: number; held: number }>();

  constructor(context: string) {
    this.logger = new Logger(context);
  }

  /** `what` names the kind of failure (it groups the warnings); the error's message is appended. */
  warn(what: string, error: unknown): void {
    const now = Date.now();
    const seen = this.last.get(what);
    if (seen && now - seen.at < WINDOW_MS) {
      seen.held++;
      return;
    }
    const held = seen?.held ? ` (and ${seen.held} more like it since the last warning)` : '';
    this.last.set(what, { at: now, held: 0 });
    this.logger.warn(
      `${what}, Redis did not answer: ${error instanceof Error ? error.message : String(error)}${held}`,
    );
  }
}
