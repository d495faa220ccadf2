/** Checks answers against the questions a workflow paused with; errors name the answer and the rule. */
import { BiltError } from './errors';
import type { Answer, Question } from './model';
import { answersRequired } from './refusals';

const invalid = (field: string, message: string) =>
  new BiltError('invalid_input', 'Invalid request body', { field, message });

/** The caller's own field names, so an error names what the caller sent (seed: snake_case, live: camelCase). */
export interface AnswerNames {
  answers: string;
  questionIndex: string;
  selectedOptions: string;
}
export const SEED_ANSWER_NAMES: AnswerNames = {
  answers: 'answers',
  questionIndex: 'question_index',
  selectedOptions: 'selected_options',
};
export const LIVE_ANSWER_NAMES: AnswerNames = {
  answers: 'answers',
  questionIndex: 'questionIndex',
  selectedOptions: 'selectedOptions',
};

export function checkAnswers(
  questions: Question[],
  answers: Answer[] | undefined,
  names: AnswerNames = LIVE_ANSWER_NAMES,
): Answer[] {
  const field = names.answers;
  const { questionIndex: qi, selectedOptions: so } = names;
  if (!answers || answers.length === 0) {
    throw answersRequired(questions.length, field);
  }
  const seen = new Set<number>();
  answers.forEach((a, i) => {
    const at = `${field}.${i}`;
    const q = questions[a.questionIndex];
    if (!q) {
      throw invalid(
        `${at}.${qi}`,
        `${qi} ${a.questionIndex} is out of range: there ${questions.length === 1 ? 'is 1 question' : `are ${questions.length} questions`} (0-based)`,
      );
    }
    if (seen.has(a.questionIndex)) {
      throw invalid(`${at}.${qi}`, `question ${a.questionIndex} is answered twice`);
    }
    seen.add(a.questionIndex);
    for (const o of a.selectedOptions) {
      if (!q.options.includes(o)) {
        throw invalid(
          `${at}.${so}`,
          `"${o}" is not an option of question ${a.questionIndex} (options: ${q.options.join(', ')})`,
        );
      }
    }
    if (!q.multiSelect && a.selectedOptions.length > 1) {
      throw invalid(`${at}.${so}`, `question ${a.questionIndex} takes one option, got ${a.selectedOptions.length}`);
    }
    const textAllowed = q.allowText || q.options.length === 0;
    if (a.text !== undefined && !textAllowed) {
      throw invalid(`${at}.text`, `question ${a.questionIndex} takes one of its options, not free text`);
    }
    if (a.selectedOptions.length === 0 && !(a.text && textAllowed)) {
      throw invalid(
        at,
        `question ${a.questionIndex} needs ${textAllowed && q.options.length === 0 ? 'a text answer' : 'a selected option'}`,
      );
    }
  });
  const missing = questions.map((_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) {
    throw invalid(field, `every question needs an answer; missing: ${missing.join(', ')}`);
  }
  return answers;
}
