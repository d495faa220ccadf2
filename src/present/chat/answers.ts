/**
 * Answers typed in the chat after `/answer`, for the questions of a pause. One question: the option's
 * words (several, comma-separated, where it takes more than one), or free text where it takes text.
 * Several questions: `1: Web; 2: dark mode` (1-based, separated by `;` or new lines). Choices match
 * an option case-insensitively; the answers are then checked by the actions as the engine checks them.
 */
import type { Answer, Question } from '../../core/model';

export type ParsedAnswers = { answers: Answer[] } | { error: string };

function answerOne(q: Question, index: number, text: string): Answer | string {
  const words = text.trim();
  if (!words) {
    return `question ${index + 1} needs an answer`;
  }
  const pieces = q.multiSelect ? words.split(',').map((p) => p.trim()) : [words];
  const picked = pieces.map((p) => q.options.find((o) => o.toLowerCase() === p.toLowerCase()));
  if (picked.every((o) => o !== undefined)) {
    return { questionIndex: index, selectedOptions: picked as string[] };
  }
  if (q.allowText || q.options.length === 0) {
    return { questionIndex: index, selectedOptions: [], text: words };
  }
  return `"${words}" is not an option of question ${index + 1} (options: ${q.options.join(', ')})`;
}

export function parseChatAnswers(questions: readonly Question[], text: string): ParsedAnswers {
  if (questions.length === 1) {
    const a = answerOne(questions[0]!, 0, text);
    return typeof a === 'string' ? { error: a } : { answers: [a] };
  }
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const answers: Answer[] = [];
  for (const part of parts) {
    const m = /^(\d+)\s*[:.)]\s*(.*)$/s.exec(part);
    const index = m ? Number(m[1]) - 1 : -1;
    if (!m || !questions[index]) {
      return { error: `write each answer as "number: answer", e.g. "1: ${questions[0]?.options[0] ?? 'yes'}"` };
    }
    const a = answerOne(questions[index]!, index, m[2]!);
    if (typeof a === 'string') {
      return { error: a };
    }
    answers.push(a);
  }
  const missing = questions.map((_, i) => i).filter((i) => !answers.some((a) => a.questionIndex === i));
  return missing.length
    ? { error: `every question needs an answer; missing: ${missing.map((i) => i + 1).join(', ')}` }
    : { answers };
}
