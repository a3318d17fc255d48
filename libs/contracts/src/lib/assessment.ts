/** What a quiz is for: practice, the before/after pair that measures the learning gain, or the final one a certificate may require. */
export const QUIZ_PURPOSES = ['practice', 'pre-test', 'post-test', 'final'] as const;
export type QuizPurpose = (typeof QUIZ_PURPOSES)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'true-false', 'short', 'numeric'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * A trainee's answer to one question: choice ids for single and multiple choice (one for single),
 * a boolean for true/false, a text for short answers, a number (or a text like "3,5") for numeric.
 */
export type QuestionAnswer = string[] | boolean | string | number;

export const ATTEMPT_STATUSES = ['in-progress', 'submitted'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
