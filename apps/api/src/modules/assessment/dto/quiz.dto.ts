import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  QUESTION_KINDS,
  QUIZ_PURPOSES,
  type LocalizedText,
  type QuestionKind,
  type QuizPurpose,
} from '@mre/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HasSomeLanguage, LocalizedTextDto } from '@/core/http/localized-text.dto';
import type { QuestionDefinition } from '../questions';
import type { QuizEntity } from '../quiz.entity';

/** A question's wording: longer than a title (a case to read, a formula), in ar/fr/en. */
export class PromptTextDto implements LocalizedText {
  @ApiPropertyOptional({ example: 'ما هو الضغط الموصى به لإطار العجلة الأمامية؟' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  ar?: string;

  @ApiPropertyOptional({ example: 'Quelle est la pression recommandée du pneu avant ?' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  fr?: string;

  @ApiPropertyOptional({ example: 'What is the recommended front tyre pressure?' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  en?: string;
}

export class ChoiceDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Kept from the quiz as read; new choices have none' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  text: LocalizedTextDto;

  @ApiPropertyOptional({ description: 'Whether choosing it is right' })
  @IsOptional()
  @IsBoolean()
  correct?: boolean;
}

/**
 * A question as editors write and read it. What each kind needs: `choices` (single: exactly one
 * correct; multiple: at least one), `correct` (true-false), `accepted` (short: compared ignoring
 * case, accents and Arabic diacritics), `value` and `tolerance` (numeric).
 */
export class QuestionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Kept from the quiz as read; new questions have none' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ type: PromptTextDto })
  @ValidateNested()
  @Type(() => PromptTextDto)
  @HasSomeLanguage()
  prompt: PromptTextDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Default: 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  points?: number;

  @ApiPropertyOptional({ type: [ChoiceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChoiceDto)
  choices?: ChoiceDto[];

  @ApiPropertyOptional({ description: 'true-false: the right answer' })
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['ضغط الهواء', 'pression'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  accepted?: string[];

  @ApiPropertyOptional({ example: 3.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;

  @ApiPropertyOptional({ example: 0.1, description: 'Default: 0' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  tolerance?: number;

  static from(q: QuestionDefinition): QuestionDto {
    return { ...q };
  }
}

export class CreateQuizDto {
  @ApiProperty({ type: LocalizedTextDto })
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  title: LocalizedTextDto;

  @ApiProperty({ enum: QUIZ_PURPOSES })
  @IsIn(QUIZ_PURPOSES)
  purpose: QuizPurpose;

  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'Percent of the points to pass (default: 50)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  passPercent?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 600,
    description: 'null: no limit',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes?: number | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, description: 'Default: 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  attemptsAllowed?: number;

  @ApiPropertyOptional({ description: 'Default: false' })
  @IsOptional()
  @IsBoolean()
  shuffleQuestions?: boolean;

  @ApiPropertyOptional({ description: 'Default: false' })
  @IsOptional()
  @IsBoolean()
  shuffleChoices?: boolean;

  @ApiPropertyOptional({ description: 'Show the right answers after submission (default: true)' })
  @IsOptional()
  @IsBoolean()
  showFeedback?: boolean;
}

export class UpdateQuizDto extends PartialType(CreateQuizDto) {}

/** A quiz as its editors read it, the right answers included. */
export class QuizDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ format: 'uuid' }) moduleId: string;
  @ApiProperty({ type: LocalizedTextDto }) title: LocalizedText;
  @ApiProperty({ enum: QUIZ_PURPOSES }) purpose: QuizPurpose;
  @ApiProperty({ type: [QuestionDto] }) questions: QuestionDto[];
  @ApiProperty() passPercent: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes: number | null;
  @ApiProperty() attemptsAllowed: number;
  @ApiProperty() shuffleQuestions: boolean;
  @ApiProperty() shuffleChoices: boolean;
  @ApiProperty() showFeedback: boolean;
  @ApiProperty({ description: 'Goes up with every change of the questions' }) version: number;
  @ApiProperty() totalPoints: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(quiz: QuizEntity): QuizDto {
    return {
      id: quiz.id,
      courseId: quiz.courseId,
      moduleId: quiz.moduleId,
      title: quiz.title,
      purpose: quiz.purpose,
      questions: quiz.questions.map(QuestionDto.from),
      passPercent: quiz.passPercent,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleChoices: quiz.shuffleChoices,
      showFeedback: quiz.showFeedback,
      version: quiz.version,
      totalPoints: quiz.questions.reduce((sum, q) => sum + q.points, 0),
      updatedAt: quiz.updatedAt.toISOString(),
    };
  }
}

export class RegradeResultDto {
  @ApiProperty({ description: 'Submitted attempts graded again' }) regraded: number;
  @ApiProperty({ description: 'Of which the score changed' }) changed: number;
}
