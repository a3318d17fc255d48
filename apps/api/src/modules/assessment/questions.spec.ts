import {
  attemptOrder,
  grade,
  gradedFields,
  normalizeAnswerText,
  parseNumber,
  publicQuestions,
  settleQuestions,
} from './questions';

const settled = settleQuestions([
  {
    kind: 'single',
    prompt: { fr: 'Couleur du fil de terre ?' },
    points: 2,
    choices: [
      { text: { fr: 'Vert-jaune' }, correct: true },
      { text: { fr: 'Bleu' } },
      { text: { fr: 'Rouge' } },
    ],
  },
  {
    kind: 'multiple',
    prompt: { fr: 'Équipements de protection ?' },
    choices: [
      { text: { fr: 'Gants' }, correct: true },
      { text: { fr: 'Lunettes' }, correct: true },
      { text: { fr: 'Montre' } },
    ],
  },
  { kind: 'true-false', prompt: { fr: 'Le courant alternatif change de sens.' }, correct: true },
  { kind: 'short', prompt: { ar: 'ما اسم هذه الأداة؟' }, accepted: ['مِفْتَاحُ الرَّبْط', 'clé'] },
  { kind: 'numeric', prompt: { fr: 'Tension (V) ?' }, value: 230, tolerance: 5 },
]);
const [single, multiple, trueFalse, short, numeric] = settled;
const rightChoice = (q: typeof single) => q.choices!.filter((c) => c.correct).map((c) => c.id);

describe('quiz questions', () => {
  it('gives ids to new questions and choices, keeping those sent', () => {
    expect(settled.every((q) => /^[0-9a-f-]{36}$/.test(q.id))).toBe(true);
    const again = settleQuestions([{ ...single, prompt: { fr: 'Corrigée' } }]);
    expect(again[0].id).toBe(single.id);
    expect(again[0].choices!.map((c) => c.id)).toEqual(single.choices!.map((c) => c.id));
  });

  it('refuses questions that lack what their kind needs, saying where', () => {
    const cases: [Parameters<typeof settleQuestions>[0][number], string][] = [
      [
        { kind: 'single', prompt: { fr: 'x' }, choices: [{ text: { fr: 'a' }, correct: true }] },
        'questions[0].choices',
      ],
      [
        {
          kind: 'single',
          prompt: { fr: 'x' },
          choices: [
            { text: { fr: 'a' }, correct: true },
            { text: { fr: 'b' }, correct: true },
          ],
        },
        'questions[0].choices',
      ],
      [
        { kind: 'multiple', prompt: { fr: 'x' }, choices: [{ text: { fr: 'a' } }, { text: { fr: 'b' } }] },
        'questions[0].choices',
      ],
      [{ kind: 'true-false', prompt: { fr: 'x' } }, 'questions[0].correct'],
      [{ kind: 'short', prompt: { fr: 'x' }, accepted: ['  ', '...'] }, 'questions[0].accepted'],
      [{ kind: 'numeric', prompt: { fr: 'x' } }, 'questions[0].value'],
    ];
    for (const [question, path] of cases) {
      expect(() => settleQuestions([question])).toThrow(expect.objectContaining({ path }));
    }
  });

  it('grades each kind, all or nothing per question, with points', () => {
    const all = grade(settled, {
      [single.id]: rightChoice(single),
      [multiple.id]: [...rightChoice(multiple)].reverse(),
      [trueFalse.id]: true,
      [short.id]: 'Clé',
      [numeric.id]: '226',
    });
    expect(all).toMatchObject({ score: 6, maxScore: 6 });
    const none = grade(settled, {
      [single.id]: [single.choices![1].id],
      [multiple.id]: [rightChoice(multiple)[0]],
      [trueFalse.id]: false,
      [short.id]: 'marteau',
      [numeric.id]: 236,
    });
    expect(none.score).toBe(0);
    expect(none.results.every((r) => !r.correct)).toBe(true);
    expect(grade(settled, {}).score).toBe(0);
  });

  it('matches Arabic short answers with or without diacritics, and French ones without accents or case', () => {
    expect(grade([short], { [short.id]: 'مفتاح الربط' }).score).toBe(1);
    expect(grade([short], { [short.id]: ' مِفتاحُ   الربط. ' }).score).toBe(1);
    expect(grade([short], { [short.id]: 'مفتاح' }).score).toBe(0);
    expect(normalizeAnswerText('Élève  Àgé')).toBe(normalizeAnswerText('eleve age'));
    expect(normalizeAnswerText('أحمد')).toBe(normalizeAnswerText('احمد'));
    expect(normalizeAnswerText('مـــفتاح')).toBe('مفتاح');
  });

  it('reads numbers as trainees type them, within the tolerance', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('٢٣٠')).toBe(230);
    expect(parseNumber('1 000,25')).toBe(1000.25);
    expect(parseNumber('٣٫٥')).toBe(3.5);
    expect(parseNumber('deux')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
    expect(grade([numeric], { [numeric.id]: 235 }).score).toBe(1);
    expect(grade([numeric], { [numeric.id]: 235.5 }).score).toBe(0);
  });

  it('passes at the pass mark, not below', () => {
    const quiz = { questions: [single, trueFalse], passPercent: 67, version: 3 };
    // 2 of 3 points: 66.7% < 67%.
    expect(gradedFields(quiz, { [single.id]: rightChoice(single) })).toMatchObject({
      score: 2,
      maxScore: 3,
      passed: false,
      gradedVersion: 3,
    });
    expect(gradedFields({ ...quiz, passPercent: 66 }, { [single.id]: rightChoice(single) }).passed).toBe(
      true,
    );
  });

  it('shows trainees no right answer, in the attempt’s order, shuffled when asked', () => {
    const order = attemptOrder(settled, { questions: true, choices: true });
    expect([...order.questionIds].sort()).toEqual(settled.map((q) => q.id).sort());
    const shown = publicQuestions(settled, order);
    expect(shown.map((q) => q.id)).toEqual(order.questionIds);
    const text = JSON.stringify(shown);
    for (const word of ['correct', 'accepted', 'tolerance', '"value"', 'مِفْتَاحُ', '230'])
      expect(text).not.toContain(word);
    const sameOrder = attemptOrder(settled, { questions: false, choices: false });
    expect(sameOrder.questionIds).toEqual(settled.map((q) => q.id));
  });
});
