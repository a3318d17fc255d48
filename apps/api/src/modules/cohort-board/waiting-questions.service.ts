import { Injectable } from '@nestjs/common';
import { QUESTION_WAITING_HOURS } from '@mre/contracts';
import { DataSource, In } from 'typeorm';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { questionsNewlyWaiting } from './board.queries';
import { excerpt } from './question-excerpt';
import { QuestionEntity } from './question.entity';

/** At most this many questions a run; the next run takes the rest. */
const BATCH = 500;

/**
 * Tells a cohort's teachers and its centre's coordinators, once, of each question that has waited
 * QUESTION_WAITING_HOURS without a visible answer (the board lists them too, for staff).
 */
@Injectable()
export class WaitingQuestionsService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
  ) {}

  /** Returns the questions newly told of. */
  tellStaff(now = new Date()): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const waitingSince = new Date(now.getTime() - QUESTION_WAITING_HOURS * 3600_000);
      const rows: { id: string; cohortId: string; body: string; cohortName: string; staffIds: string[] }[] =
        await manager.query(...questionsNewlyWaiting(waitingSince, BATCH));
      if (rows.length === 0) return [];
      await this.notifications.add(
        rows.flatMap((row) =>
          row.staffIds.map((userId) => ({
            userId,
            kind: 'question-waiting' as const,
            params: {
              cohortId: row.cohortId,
              cohortName: row.cohortName,
              questionId: row.id,
              question: excerpt(row.body),
            },
            key: `question-waiting-${row.id}`,
          })),
        ),
        manager,
      );
      const told = rows.map((row) => row.id);
      await manager.update(QuestionEntity, { id: In(told) }, { waitingToldAt: now });
      return told;
    });
  }
}
