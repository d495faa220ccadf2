/**
 * Emulator scenarios: a scripted workflow of timed steps (messages, optional pause or failure) and
 * an optional deployment URL. Scenario files are JSON; see docs/AGENTS.md for the format.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BiltError } from '../../../core/errors';
import { Question, Variant } from '../../../core/model';
import { PAUSE_TYPES } from '../../../core/status';

const Millis = z.number().int().min(0);

export const ScenarioMessage = z.strictObject({
  /** ms after the step started (scaled by speed); at most the step's duration. */
  at: Millis.default(0),
  /** May use {project}, {projectId}, {message} and {url}. */
  text: z.string().min(1),
  variant: Variant.default('info'),
});

export const ScenarioPause = z
  .strictObject({
    type: z.enum(PAUSE_TYPES),
    questions: z.array(Question).min(1).optional(),
    message: z.string().min(1).optional(),
    /** secrets/supabase only: the engine resumes by itself after this long (scaled by speed). */
    autoResumeMs: Millis.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'questions' && !p.questions) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a questions pause needs at least one question' });
    }
    if (p.type === 'questions' && p.autoResumeMs !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['autoResumeMs'],
        message: 'only secrets and supabase pauses resume automatically',
      });
    }
  });

export const ScenarioStep = z
  .strictObject({
    name: z.string().min(1),
    /** ms (scaled by speed). */
    duration: Millis,
    /** Percentage reached when the step ends. */
    progress: z.number().min(0).max(100),
    messages: z.array(ScenarioMessage).default([]),
    /** Asked at the end of the step, after its messages. */
    pause: ScenarioPause.optional(),
    /** The workflow fails at the end of the step (after a pause, if any). */
    failure: z.strictObject({ message: z.string().min(1) }).optional(),
  })
  .superRefine((s, ctx) => {
    s.messages.forEach((m, i) => {
      if (m.at > s.duration) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages', i, 'at'],
          message: `must not be later than the step's duration (${s.duration})`,
        });
      }
    });
  });

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    steps: z.array(ScenarioStep).min(1),
    /** `{project}` is the project name as a DNS label, `{projectId}` its id. */
    deployment: z.strictObject({ urlTemplate: z.string().min(1) }).optional(),
    /** The outcome's summary; may use the same placeholders as messages. */
    summary: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.steps.length; i++) {
      if (s.steps[i]!.progress < s.steps[i - 1]!.progress) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'progress'],
          message: 'progress must not go down from one step to the next',
        });
      }
    }
  });

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioStep = z.infer<typeof ScenarioStep>;
export type ScenarioPause = z.infer<typeof ScenarioPause>;

/** Validates scenario data; the error names the offending fields, e.g. `steps[1].duration`. */
export function parseScenario(data: unknown, source = 'Scenario'): Scenario {
  const r = Scenario.safeParse(data);
  if (r.success) {
    return r.data;
  }
  const problems = r.error.issues.slice(0, 3).map((i) => `${fieldPath(i.path)}: ${i.message}`);
  const more = r.error.issues.length > 3 ? ` (and ${r.error.issues.length - 3} more)` : '';
  const fields = r.error.issues.map((i) => fieldPath(i.path));
  throw new BiltError('invalid_input', `${source} is invalid: ${problems.join('; ')}${more}`, { fields });
}

export function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BiltError('invalid_input', `Cannot read scenario file ${file}: ${(e as Error).message}`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BiltError('invalid_input', `Scenario file ${file} is not valid JSON: ${(e as Error).message}`, { file });
  }
  return parseScenario(data, `Scenario file ${file}`);
}

/** ['steps', 1, 'duration'] → "steps[1].duration"; the root is "(scenario)". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  }
  return out || '(scenario)';
}
