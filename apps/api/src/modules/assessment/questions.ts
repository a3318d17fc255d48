import type { LocalizedText, QuestionAnswer, QuestionKind } from '@mre/contracts';
import { randomInt, randomUUID } from 'node:crypto';

export interface ChoiceDefinition {
  id: string;
  text: LocalizedText;
  correct: boolean;
}

/** A question as its quiz keeps it, the right answers included; only editors and graders read these. */
export interface QuestionDefinition {
  id: string;
  kind: QuestionKind;
  prompt: LocalizedText;
  points: number;
  /** single and multiple choice. */
  choices?: ChoiceDefinition[];
  /** true-false: the right answer. */
  correct?: boolean;
  /** short: the accepted answers, compared after `normalizeAnswerText`. */
  accepted?: string[];
  /** numeric: the expected value and how far from it an answer may be. */
  value?: number;
  tolerance?: number;
}

/** A question as an editor sends it: ids only for what it had already, points 1 when not said. */
export type QuestionInput = Omit<QuestionDefinition, 'id' | 'points' | 'choices'> & {
  id?: string;
  points?: number;
  choices?: { id?: string; text: LocalizedText; correct?: boolean }[];
};

/** A question as a trainee sees it during an attempt: nothing that tells the answer. */
export interface PublicQuestion {
  id: string;
  kind: QuestionKind;
  prompt: LocalizedText;
  points: number;
  choices?: { id: string; text: LocalizedText }[];
}

/** The order an attempt shows the questions and, per question, its choices in. */
export interface AttemptOrder {
  questionIds: string[];
  choiceIds: Record<string, string[]>;
}

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  points: number;
}

export interface Grade {
  score: number;
  maxScore: number;
  results: QuestionResult[];
}

/** A definition problem, named by where it is (`questions[2].choices`) and what is wrong. */
export class QuestionProblem {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
}

/**
 * The questions as sent by an editor, checked for what each kind needs and given ids where they
 * had none (kept where they had: results and item analysis follow a question across edits).
 */
export function settleQuestions(sent: QuestionInput[]): QuestionDefinition[] {
  const seen = new Set<string>();
  return sent.map((q, i): QuestionDefinition => {
    const at = `questions[${i}]`;
    const id = q.id ?? randomUUID();
    if (seen.has(id)) throw new QuestionProblem(`${at}.id`, 'appears twice');
    seen.add(id);
    const base = { id, kind: q.kind, prompt: q.prompt, points: q.points ?? 1 };
    switch (q.kind) {
      case 'single':
      case 'multiple': {
        const choices = q.choices ?? [];
        if (choices.length < 2) throw new QuestionProblem(`${at}.choices`, 'needs at least two choices');
        const right = choices.filter((c) => c.correct === true).length;
        if (q.kind === 'single' && right !== 1)
          throw new QuestionProblem(`${at}.choices`, 'needs exactly one correct choice');
        if (q.kind === 'multiple' && right < 1)
          throw new QuestionProblem(`${at}.choices`, 'needs at least one correct choice');
        const choiceIds = new Set<string>();
        return {
          ...base,
          choices: choices.map((c, j) => {
            const choiceId = c.id ?? randomUUID();
            if (choiceIds.has(choiceId)) throw new QuestionProblem(`${at}.choices[${j}].id`, 'appears twice');
            choiceIds.add(choiceId);
            return { id: choiceId, text: c.text, correct: c.correct === true };
          }),
        };
      }
      case 'true-false':
        if (typeof q.correct !== 'boolean')
          throw new QuestionProblem(`${at}.correct`, 'must be true or false');
        return { ...base, correct: q.correct };
      case 'short': {
        const accepted = (q.accepted ?? []).map((a) => a.trim()).filter((a) => normalizeAnswerText(a) !== '');
        if (accepted.length === 0)
          throw new QuestionProblem(`${at}.accepted`, 'needs at least one accepted answer');
        return { ...base, accepted };
      }
      case 'numeric':
        if (typeof q.value !== 'number' || !Number.isFinite(q.value))
          throw new QuestionProblem(`${at}.value`, 'must be a number');
        if (q.tolerance !== undefined && !(q.tolerance >= 0))
          throw new QuestionProblem(`${at}.tolerance`, 'must be zero or more');
        return { ...base, value: q.value, tolerance: q.tolerance ?? 0 };
    }
  });
}

/** The questions without their answers, in the attempt's order. */
export function publicQuestions(questions: QuestionDefinition[], order: AttemptOrder): PublicQuestion[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return order.questionIds.flatMap((id) => {
    const q = byId.get(id);
    if (!q) return [];
    const shown: PublicQuestion = { id: q.id, kind: q.kind, prompt: q.prompt, points: q.points };
    if (q.choices) {
      const choices = new Map(q.choices.map((c) => [c.id, c]));
      const ids = [...(order.choiceIds[id] ?? []), ...q.choices.map((c) => c.id)];
      shown.choices = [...new Set(ids)]
        .filter((choiceId) => choices.has(choiceId))
        .map((choiceId) => ({ id: choiceId, text: (choices.get(choiceId) as ChoiceDefinition).text }));
    }
    return [shown];
  });
}

/** The order a new attempt shows things in: the quiz's own, or shuffled where the quiz says so. */
export function attemptOrder(
  questions: QuestionDefinition[],
  shuffle: { questions: boolean; choices: boolean },
): AttemptOrder {
  const questionIds = questions.map((q) => q.id);
  const choiceIds: Record<string, string[]> = {};
  for (const q of questions) {
    if (!q.choices) continue;
    const ids = q.choices.map((c) => c.id);
    choiceIds[q.id] = shuffle.choices ? shuffled(ids) : ids;
  }
  return { questionIds: shuffle.questions ? shuffled(questionIds) : questionIds, choiceIds };
}

/** Whether the answer fits the question's kind (a known choice, a boolean, a text, a number): saved answers are checked with it. */
export function answerFits(question: QuestionDefinition, answer: unknown): answer is QuestionAnswer {
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      if (!Array.isArray(answer) || (question.kind === 'single' && answer.length > 1)) return false;
      const ids = new Set(question.choices?.map((c) => c.id));
      return (
        answer.every((id) => typeof id === 'string' && ids.has(id)) && new Set(answer).size === answer.length
      );
    }
    case 'true-false':
      return typeof answer === 'boolean';
    case 'short':
      return typeof answer === 'string' && answer.length <= 500;
    case 'numeric':
      return (
        (typeof answer === 'number' && Number.isFinite(answer)) ||
        (typeof answer === 'string' && answer.length <= 50)
      );
  }
}

export function isRight(question: QuestionDefinition, answer: QuestionAnswer | undefined): boolean {
  if (answer === undefined) return false;
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const right = (question.choices ?? []).filter((c) => c.correct).map((c) => c.id);
      return answer.length === right.length && right.every((id) => answer.includes(id));
    }
    case 'true-false':
      return answer === question.correct;
    case 'short': {
      if (typeof answer !== 'string') return false;
      const given = normalizeAnswerText(answer);
      return given !== '' && (question.accepted ?? []).some((a) => normalizeAnswerText(a) === given);
    }
    case 'numeric': {
      const given = typeof answer === 'number' ? answer : parseNumber(String(answer));
      return (
        Number.isFinite(given) &&
        question.value !== undefined &&
        Math.abs(given - question.value) <= (question.tolerance ?? 0) + 1e-9
      );
    }
  }
}

/** Grades the answers against the questions as they are now (regrading reads them again). */
export function grade(questions: QuestionDefinition[], answers: Record<string, QuestionAnswer>): Grade {
  const results = questions.map((q) => {
    const correct = isRight(q, answers[q.id]);
    return { questionId: q.id, correct, points: correct ? q.points : 0 };
  });
  return {
    score: results.reduce((sum, r) => sum + r.points, 0),
    maxScore: questions.reduce((sum, q) => sum + q.points, 0),
    results,
  };
}

/**
 * A short answer as compared: case and accents ignored (é = e), Arabic short vowels and other
 * diacritics (tashkeel), the tatweel and the hamza forms of alef ignored (أ إ آ ٱ = ا, ى = ي),
 * spaces collapsed, and punctuation at either end dropped.
 */
export function normalizeAnswerText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .toLowerCase()
    .replace(/[\s\u200B-\u200F\u2066-\u2069]+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/**
 * A number as a trainee may type it: Arabic-Indic digits, a decimal comma (3,5) or the Arabic
 * decimal separator, spaces between thousands. NaN when it is not one number.
 */
export function parseNumber(text: string): number {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u00A0\u202F\u066C]/g, '')
    .replace(/[,\u066B]/g, '.')
    .replace(/^\u2212/, '-');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(ascii) ? Number(ascii) : Number.NaN;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** What grading writes on an attempt, from the quiz's questions as they are now. */
export function gradedFields(
  quiz: { questions: QuestionDefinition[]; passPercent: number; version: number },
  answers: Record<string, QuestionAnswer>,
): { score: number; maxScore: number; passed: boolean; results: QuestionResult[]; gradedVersion: number } {
  const { score, maxScore, results } = grade(quiz.questions, answers);
  return {
    score,
    maxScore,
    passed: maxScore > 0 && score * 100 >= quiz.passPercent * maxScore,
    results,
    gradedVersion: quiz.version,
  };
}

/** score / maxScore in percent with one decimal; 0 for a quiz without points. */
export function percentOf(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score * 1000) / maxScore) / 10 : 0;
}
