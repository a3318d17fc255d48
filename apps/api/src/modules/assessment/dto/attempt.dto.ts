import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ATTEMPT_STATUSES,
  QUESTION_KINDS,
  QUIZ_PURPOSES,
  type AttemptStatus,
  type LocalizedText,
  type QuestionAnswer,
  type QuestionKind,
  type QuizPurpose,
} from '@mre/contracts';
import { IsISO8601, IsObject, IsOptional, ValidateIf } from 'class-validator';
import { LocalizedTextDto } from '@/core/http/localized-text.dto';

const ANSWERS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description:
    'Answers by question id: choice ids (single: one), true/false, a text (short), a number or a text like "3,5" (numeric)',
  additionalProperties: {
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'boolean' },
      { type: 'string' },
      { type: 'number' },
    ],
  },
};

/** Answers sent to an attempt: as above, and null clears the question's answer. */
const ANSWER_CHANGES_SCHEMA: ApiPropertyOptions = {
  ...ANSWERS_SCHEMA,
  description: `${ANSWERS_SCHEMA.description as string}; null clears the answer to that question`,
  additionalProperties: { ...(ANSWERS_SCHEMA.additionalProperties as object), nullable: true },
};

export class PublicChoiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: LocalizedTextDto }) text: LocalizedText;
}

/** A question as a trainee sees it while answering: nothing that gives the answer away. */
export class PublicQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({ type: LocalizedTextDto }) prompt: LocalizedText;
  @ApiProperty() points: number;
  @ApiPropertyOptional({ type: [PublicChoiceDto] }) choices?: PublicChoiceDto[];
}

/** After submission, when the quiz shows feedback: what was right. */
export class QuestionFeedbackDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty() correct: boolean;
  @ApiProperty() points: number;
  @ApiPropertyOptional({ type: [String], description: 'single and multiple: the right choices' })
  correctChoiceIds?: string[];
  @ApiPropertyOptional({ description: 'true-false' }) correctAnswer?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'short' }) acceptedAnswers?: string[];
  @ApiPropertyOptional({ description: 'numeric' }) value?: number;
  @ApiPropertyOptional({ description: 'numeric' }) tolerance?: number;
}

export class AttemptResultDto {
  @ApiProperty() score: number;
  @ApiProperty() maxScore: number;
  @ApiProperty({ description: 'score / maxScore in percent, 1 decimal' }) percent: number;
  @ApiProperty() passed: boolean;
  @ApiPropertyOptional({ type: [QuestionFeedbackDto], description: 'Only when the quiz shows feedback' })
  questions?: QuestionFeedbackDto[];
}

export class AttemptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) quizId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedText;
  @ApiProperty({ enum: QUIZ_PURPOSES }) purpose: QuizPurpose;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status: AttemptStatus;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the time allowed ends',
  })
  deadlineAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ description: 'Submitted by the server when its time was up' }) autoSubmitted: boolean;
  @ApiProperty({ type: [PublicQuestionDto], description: 'In the order this attempt shows them' })
  questions: PublicQuestionDto[];
  @ApiProperty(ANSWERS_SCHEMA) answers: Record<string, QuestionAnswer>;
  @ApiPropertyOptional({ type: AttemptResultDto, description: 'Once submitted' }) result?: AttemptResultDto;
}

export class SaveAnswersDto {
  @ApiProperty(ANSWER_CHANGES_SCHEMA)
  @IsObject()
  answers: Record<string, QuestionAnswer | null>;
}

export class SubmitAttemptDto {
  @ApiPropertyOptional(ANSWER_CHANGES_SCHEMA)
  @IsOptional()
  @IsObject()
  answers?: Record<string, QuestionAnswer | null>;
}

export class SavedAnswersDto {
  @ApiProperty({ format: 'date-time' }) savedAt: string;
  @ApiProperty({ description: 'How many questions have an answer' }) answered: number;
}

export class CohortQuizWindowDto {
  @ApiProperty({
    example: '2027-03-01T09:00:00+01:00',
    description: 'An instant; the web app shows it in the cohort’s zone',
  })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-03-08T18:00:00+01:00',
    description: 'null: until closed',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true })
  closesAt?: string | null;
}

export class MyQuizStandingDto {
  @ApiProperty() attemptsUsed: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) inProgressAttemptId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Best percent of the submitted attempts' })
  bestPercent: number | null;
  @ApiProperty() passed: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The last submitted attempt' })
  lastAttemptId: string | null;
}

/** A quiz of the cohort's course as the cohort runs it. */
export class CohortQuizDto {
  @ApiProperty({ format: 'uuid' }) quizId: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedText;
  @ApiProperty({ enum: QUIZ_PURPOSES }) purpose: QuizPurpose;
  @ApiProperty() questionCount: number;
  @ApiProperty() totalPoints: number;
  @ApiProperty() passPercent: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes: number | null;
  @ApiProperty() attemptsAllowed: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty({ enum: ['not-scheduled', 'upcoming', 'open', 'closed'] })
  state: 'not-scheduled' | 'upcoming' | 'open' | 'closed';
  @ApiPropertyOptional({ type: MyQuizStandingDto, description: 'For a trainee of the cohort' })
  mine?: MyQuizStandingDto;
  @ApiPropertyOptional({ description: 'For staff: trainees who submitted at least once' })
  submittedCount?: number;
}

export class TraineeQuizResultDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) bestPercent: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastPercent: number | null;
  @ApiProperty() passed: boolean;
}

export class ChoiceAnalysisDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: LocalizedTextDto }) text: LocalizedText;
  @ApiProperty() correct: boolean;
  @ApiProperty({ description: 'Percent of the answers that chose it' }) percentChosen: number;
}

export class ItemAnalysisDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: QuestionKind;
  @ApiProperty({ type: LocalizedTextDto }) prompt: LocalizedText;
  @ApiProperty({ description: 'Submitted attempts counted (each trainee’s last)' }) answered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent right; null when nobody answered' })
  percentRight: number | null;
  @ApiPropertyOptional({ type: [ChoiceAnalysisDto] }) choices?: ChoiceAnalysisDto[];
}

export class QuizResultsDto {
  @ApiProperty({ type: CohortQuizDto }) quiz: CohortQuizDto;
  @ApiProperty({ type: [TraineeQuizResultDto], description: 'Every attending trainee, attempted or not' })
  trainees: TraineeQuizResultDto[];
  @ApiProperty({ type: Number, nullable: true, description: 'Mean of the trainees’ best percent' })
  averagePercent: number | null;
  @ApiProperty({ type: [ItemAnalysisDto] }) items: ItemAnalysisDto[];
}
