/**
 * What a stdout line of a command means to the workflow. Line parsers (the plain protocol, the
 * coding-agent presets) are pure functions from one line to a list of these actions; the command
 * agent applies them to the context (see report.ts).
 */
import type { Variant } from '../../../core/model';

export type LineAction =
  /** Append a message to the session. */
  | { type: 'say'; text: string; variant: Variant }
  /** Known progress: percentage 0–100 and, optionally, what is being done. */
  | { type: 'progress'; percentage: number; currentStep?: string }
  /** Only the current step is known; the agent advances the percentage by its heuristic. */
  | { type: 'step'; currentStep: string }
  /** What the run produced; later fields override earlier ones. */
  | { type: 'result'; url?: string; summary?: string }
  /** The tool reported a failure: the outcome is `failed` with this error even if the exit code is 0. */
  | { type: 'failure'; error: string };

/** Turns one complete stdout line (ANSI codes already stripped) into actions. Must never throw. */
export type LineParser = (line: string) => LineAction[];

export const say = (text: string, variant: Variant = 'info'): LineAction => ({ type: 'say', text, variant });
