import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SqlParams } from '@/core/database/sql-params';
import { QuizAttemptEntity } from './quiz-attempt.entity';

/** A passed attempt at a `final` quiz: what a certificate's audit evidence names. */
export interface FinalQuizPass {
  attemptId: string;
  quizId: string;
  percent: number;
}

/** What other contexts (certification) read of the quizzes' results, without reaching into their tables. */
@Injectable()
export class QuizOutcomesService {
  constructor(
    @InjectRepository(QuizAttemptEntity) private readonly attempts: Repository<QuizAttemptEntity>,
  ) {}

  /**
   * Of these people, those with a submitted, passed attempt at a `final` quiz opened for the
   * cohort: their best such attempt each.
   */
  async finalPasses(cohortId: string, userIds: string[]): Promise<Map<string, FinalQuizPass>> {
    if (userIds.length === 0) return new Map();
    const p = new SqlParams();
    const rows: { userId: string; attemptId: string; quizId: string; percent: number }[] =
      await this.attempts.query(
        `SELECT DISTINCT ON (a.user_id) a.user_id AS "userId", a.id AS "attemptId", a.quiz_id AS "quizId",
                round(100.0 * a.score / NULLIF(a.max_score, 0), 2)::float8 AS percent
           FROM quiz_attempts a
           JOIN quizzes q ON q.id = a.quiz_id AND q.purpose = 'final'
           JOIN cohort_quizzes cq ON cq.cohort_id = a.cohort_id AND cq.quiz_id = a.quiz_id
          WHERE a.cohort_id = ${p.param(cohortId)} AND a.user_id = ANY(${p.param(userIds)}::uuid[])
            AND a.submitted_at IS NOT NULL AND a.passed
          ORDER BY a.user_id, a.score::float8 / NULLIF(a.max_score, 0) DESC NULLS LAST, a.submitted_at`,
        p.values,
      );
    return new Map(rows.map(({ userId, ...pass }) => [userId, pass]));
  }
}
