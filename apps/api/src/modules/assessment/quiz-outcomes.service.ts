import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SqlParams } from '@/core/database/sql-params';
import { AttemptsService } from './attempts.service';
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
    private readonly attemptsService: AttemptsService,
  ) {}

  /**
   * Submits every attempt left in progress past its deadline (a trainee who closed the page before
   * the time was up), graded with what they saved: the reports that read the attempts' scores count
   * them as the attempts page would.
   */
  settleOverdue(): Promise<void> {
    return this.attemptsService.submitOverdue();
  }

  /**
   * Whether the cohort has a `final` quiz to pass: one on its list (whatever its window), or one it
   * has since taken off the list but at which an attempt was made (a pass there stays earned).
   */
  async hasFinalQuiz(cohortId: string): Promise<boolean> {
    const p = new SqlParams();
    const cohort = p.param(cohortId);
    const [row]: { present: boolean }[] = await this.attempts.query(
      `SELECT EXISTS (SELECT 1 FROM cohort_quizzes cq JOIN quizzes q ON q.id = cq.quiz_id AND q.purpose = 'final'
                       WHERE cq.cohort_id = ${cohort})
              OR EXISTS (SELECT 1 FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id AND q.purpose = 'final'
                          WHERE a.cohort_id = ${cohort}) AS present`,
      p.values,
    );
    return row.present;
  }

  /**
   * Of these people, those with a submitted, passed attempt at a `final` quiz in the cohort: their
   * best such attempt each. The cohort's attempts past their deadline are submitted first. A pass
   * stays earned when the quiz is later taken off the cohort's list (as the learning gain keeps its
   * tests): an attempt in the cohort exists only because the cohort opened the quiz.
   */
  async finalPasses(cohortId: string, userIds: string[]): Promise<Map<string, FinalQuizPass>> {
    if (userIds.length === 0) return new Map();
    await this.attemptsService.submitOverdue({ cohortId });
    const p = new SqlParams();
    const rows: { userId: string; attemptId: string; quizId: string; percent: number }[] =
      await this.attempts.query(
        `SELECT DISTINCT ON (a.user_id) a.user_id AS "userId", a.id AS "attemptId", a.quiz_id AS "quizId",
                round(100.0 * a.score / NULLIF(a.max_score, 0), 2)::float8 AS percent
           FROM quiz_attempts a
           JOIN quizzes q ON q.id = a.quiz_id AND q.purpose = 'final'
          WHERE a.cohort_id = ${p.param(cohortId)} AND a.user_id = ANY(${p.param(userIds)}::uuid[])
            AND a.submitted_at IS NOT NULL AND a.passed
          ORDER BY a.user_id, a.score::float8 / NULLIF(a.max_score, 0) DESC NULLS LAST, a.submitted_at`,
        p.values,
      );
    return new Map(rows.map(({ userId, ...pass }) => [userId, pass]));
  }
}
