import type { EntityManager } from 'typeorm';

/**
 * A session's start or end moved. Published inside the transaction that moved it and awaited, so
 * that contexts keeping figures derived from the times (attendance clips presence to them) write
 * them in that transaction: their failure rolls the move back.
 */
export class SessionTimesChangedEvent {
  static readonly topic = 'live.session-times-changed';

  constructor(
    readonly sessionId: string,
    readonly manager: EntityManager,
  ) {}
}
