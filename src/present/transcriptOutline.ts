/**
 * The structure of a transcript document (src/present/transcriptDocument.ts), read back from its text:
 * its turns with their line ranges (folding, the outline), each turn's steps (the workflow's log lines,
 * its success and its errors, the questions it asked), the questions to answer (a code lens) and the
 * links of results and pauses. Lines are 0-based, as editors count them.
 */
import { ASKS_LINE, STEP_MARKS } from './transcriptTurns';

export type StepKind = keyof typeof STEP_MARKS | 'questions';

export interface OutlineStep {
  kind: StepKind;
  title: string;
  line: number;
  /** The step's last line (a message's continuation lines, a pause's last question). */
  endLine: number;
}

export interface OutlineTurn {
  /** The instruction excerpt of the heading. */
  title: string;
  /** The workflow's state words, when the heading has them. */
  words: string | undefined;
  /** The heading's line. */
  line: number;
  /** The section's last non-blank line. */
  endLine: number;
  steps: OutlineStep[];
}

const HEADING = /^## (.*?)(?: — _((?:[^_\\]|\\.)*)_)?$/;
const STEP_LINE = new RegExp(`^- \`[^\`]*\` ([${Object.values(STEP_MARKS).join('')}]) ?(.*)$`);
const QUESTION_LINE = /^\d+\. (.*)$/;
const KIND_OF_MARK = new Map<string, StepKind>(
  Object.entries(STEP_MARKS).map(([kind, mark]) => [mark, kind as StepKind]),
);

/** Text as it reads: a code span's content, or escaped Markdown without its backslashes. */
export function plainText(s: string): string {
  const code = /^`([^`]*)`$/.exec(s.trim());
  return code ? code[1]! : s.replace(/\\([\\`*_{}[\]()#+!|<>])/g, '$1');
}

/** A question's line without its number and options: "1. Which platform? — `Web` · `iOS`" → "Which platform?". */
const questionOf = (line: string) => plainText((QUESTION_LINE.exec(line)?.[1] ?? line).split(' — ')[0]!);

export function transcriptOutline(text: string): OutlineTurn[] {
  const turns: OutlineTurn[] = [];
  let step: OutlineStep | undefined;
  text.split('\n').forEach((line, i) => {
    const heading = HEADING.exec(line);
    if (heading) {
      turns.push({
        title: plainText(heading[1]!),
        words: heading[2] === undefined ? undefined : plainText(heading[2]),
        line: i,
        endLine: i,
        steps: [],
      });
      step = undefined;
      return;
    }
    const turn = turns.at(-1);
    if (!turn || line.trim() === '') {
      return;
    }
    turn.endLine = i;
    const marked = STEP_LINE.exec(line);
    if (marked) {
      step = { kind: KIND_OF_MARK.get(marked[1]!)!, title: plainText(marked[2]!), line: i, endLine: i };
      turn.steps.push(step);
    } else if (line === ASKS_LINE) {
      step = { kind: 'questions', title: 'Bilt asks', line: i, endLine: i };
      turn.steps.push(step);
    } else if (step?.kind === 'questions' && QUESTION_LINE.test(line)) {
      step.title = step.endLine === step.line ? `Bilt asks: ${questionOf(line)}` : step.title;
      step.endLine = i;
    } else if (step && step.kind !== 'questions' && line.startsWith('  ')) {
      step.endLine = i;
    } else {
      step = undefined;
    }
  });
  return turns;
}

/** One fold per turn: from its heading to its last line. */
export function turnFolds(turns: readonly OutlineTurn[]): Array<{ start: number; end: number }> {
  return turns.filter((t) => t.endLine > t.line).map((t) => ({ start: t.line, end: t.endLine }));
}

export interface QuestionsAt {
  /** The "Bilt asks:" line. */
  line: number;
  /** The last question's line. */
  endLine: number;
  questions: string[];
}

/** The questions waiting for an answer, where the text asks them. */
export function questionsIn(text: string): QuestionsAt[] {
  const lines = text.split('\n');
  return transcriptOutline(text).flatMap((turn) =>
    turn.steps
      .filter((s) => s.kind === 'questions' && s.endLine > s.line)
      .map((s) => ({
        line: s.line,
        endLine: s.endLine,
        questions: lines
          .slice(s.line + 1, s.endLine + 1)
          .filter((l) => QUESTION_LINE.test(l))
          .map(questionOf),
      })),
  );
}

export interface LinkAt {
  line: number;
  /** Character offsets of the whole `[label](address)`. */
  start: number;
  end: number;
  target: string;
}

const LINK = /\[(?:[^\]\\]|\\.)*\]\((https?:\/\/[^\s)]+)\)/gi;

/** The http(s) Markdown links the document writes itself (results, pauses); messages never hold one. */
export function linksIn(text: string): LinkAt[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      line.startsWith('- ') || line.startsWith('  ')
        ? []
        : [...line.matchAll(LINK)].map((m) => ({ line: i, start: m.index, end: m.index + m[0].length, target: m[1]! })),
    );
}
