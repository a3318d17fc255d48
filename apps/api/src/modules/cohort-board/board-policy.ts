import type { CohortRelation } from '@/modules/cohorts/cohort-policy';

/**
 * Who may do what on a cohort's board, by their relation to the cohort (CohortPolicy.standing):
 * anyone with a relation reads it and answers; nobody else learns that it exists.
 */
export const BOARD_ACTIONS = {
  read: ['admin', 'teacher', 'coordinator', 'trainee'],
  /** Post, edit and delete announcements. */
  announce: ['admin', 'teacher', 'coordinator'],
  ask: ['trainee'],
  /** Accept an answer, pin a question for the next live session. */
  lead: ['admin', 'teacher'],
  /** Hide and restore questions and answers; see hidden ones, and the waiting list. */
  moderate: ['admin', 'teacher', 'coordinator'],
} as const satisfies Record<string, readonly CohortRelation[]>;
export type BoardAction = keyof typeof BOARD_ACTIONS;

export function mayOnBoard(relation: CohortRelation | null, action: BoardAction): boolean {
  return relation !== null && (BOARD_ACTIONS[action] as readonly CohortRelation[]).includes(relation);
}

export function boardPermissions(relation: CohortRelation | null) {
  return {
    announce: mayOnBoard(relation, 'announce'),
    ask: mayOnBoard(relation, 'ask'),
    lead: mayOnBoard(relation, 'lead'),
    moderate: mayOnBoard(relation, 'moderate'),
  };
}
