import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@/core/auth/auth-user';
import type { DomainError } from '@/core/errors/domain-error';
import { CohortPolicy, type CohortStanding } from '@/modules/cohorts/cohort-policy';
import type { BoardAuthorDto } from './dto/board.dto';
import { mayOnBoard, type BoardAction } from './board-policy';

/** A caller's standing in a cohort whose board they may read: a relation is always set. */
export type BoardStanding = CohortStanding & { relation: NonNullable<CohortStanding['relation']> };

/** The first line of every board operation: the caller's standing, or the refusal. */
@Injectable()
export class BoardAccess {
  constructor(private readonly policy: CohortPolicy) {}

  /**
   * The standing when the caller may do `action`: `hidden()` (a 404) when they have no relation to
   * the cohort, so that its board's existence does not leak; `refused()` (a 403) otherwise.
   */
  async require(
    cohortId: string,
    actor: AuthUser,
    action: BoardAction,
    hidden: () => DomainError,
    refused: () => DomainError,
  ): Promise<BoardStanding> {
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing?.relation) throw hidden();
    if (!mayOnBoard(standing.relation, action)) throw refused();
    return standing as BoardStanding;
  }
}

/** The author as shown on the board; null once their account was erased (the row keeps no name). */
export function authorOf(
  author: { id: string; fullName: string } | null | undefined,
  standing: Pick<CohortStanding, 'teacherIds'>,
): BoardAuthorDto | null {
  return author
    ? { id: author.id, fullName: author.fullName, teacher: standing.teacherIds.includes(author.id) }
    : null;
}
