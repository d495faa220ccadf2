/**
 * The seed contract (bilt.me api-reference pages, 8 tools, snake_case): input schemas with the
 * documented limits, output schemas, and the mapping from the domain. The engine serves these, the
 * bridge exposes exactly these, and the client parses them.
 */
import { z } from 'zod';
import { LIMITS, PROJECT_NAME_PATTERN } from '../limits';
import { SESSION_STATUSES, WORKFLOW_STATUSES, PAUSE_TYPES } from '../status';
import { bool, integer, text, uuid } from '../validation';
import type { Message, Project, Session, Workflow } from '../model';

export const SEED_TOOL_NAMES = [
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_create_project',
  'bilt_get_session',
  'bilt_send_message',
  'bilt_get_messages',
  'bilt_resume_workflow',
  'bilt_cancel_workflow',
] as const;
export type SeedToolName = (typeof SEED_TOOL_NAMES)[number];

// ---- inputs ---------------------------------------------------------------------------------

export const seedInputs = {
  bilt_list_projects: z.strictObject({
    limit: integer('limit', { min: 1, max: LIMITS.projectsLimitMax })
      .optional()
      .describe('Optional page size, 1–100 (newest first); without it, every project'),
    offset: integer('offset', { min: 0 }).optional().describe('Projects to skip from the newest, default 0'),
  }),
  bilt_get_project: z.strictObject({
    project_id: uuid('project_id').describe('Project id (UUID) from bilt_list_projects or bilt_create_project'),
  }),
  bilt_create_project: z.strictObject({
    name: text('name', {
      min: 1,
      max: LIMITS.projectNameMax,
      pattern: PROJECT_NAME_PATTERN,
      patternHint: 'letters, digits, hyphens and underscores',
    }).describe('Unique project name: up to 255 letters, digits, hyphens and underscores'),
    description: text('description', { max: LIMITS.descriptionMax }).optional().describe('Up to 1000 characters'),
    visibility: z
      .enum(['PUBLIC', 'PRIVATE'], { error: 'visibility must be "PUBLIC" or "PRIVATE"' })
      .optional()
      .describe('PUBLIC (default) or PRIVATE'),
  }),
  bilt_get_session: z.strictObject({
    session_id: uuid('session_id').optional().describe('Session to read; omit for the current/most recent session'),
    project_id: uuid('project_id')
      .optional()
      .describe('Project whose current session to read (used if session_id is omitted)'),
  }),
  bilt_send_message: z.strictObject({
    session_id: uuid('session_id').describe('Session id from bilt_get_session'),
    message: text('message', { min: LIMITS.messageMin, max: LIMITS.messageMax }).describe(
      'Natural-language instruction, 1–5000 characters',
    ),
    wait_for_response: bool('wait_for_response')
      .optional()
      .describe('true: block until the workflow ends (up to 5 minutes); false (default): return at once'),
  }),
  bilt_get_messages: z.strictObject({
    session_id: uuid('session_id').describe('Session id from bilt_get_session'),
    limit: integer('limit', { min: LIMITS.messagesLimitMin, max: LIMITS.messagesLimitMax })
      .optional()
      .describe('1–100, default 50'),
    offset: integer('offset', { min: 0 }).optional().describe('Messages to skip from the newest, default 0'),
  }),
  bilt_resume_workflow: z.strictObject({
    session_id: uuid('session_id').describe('Session whose paused (or interrupted) workflow to resume'),
    answers: z
      .array(
        z.strictObject({
          question_index: integer('answers[].question_index', { min: 0 }),
          selected_options: z.array(z.string()).optional(),
          text: text('answers[].text', { max: LIMITS.messageMax }).optional(),
        }),
        { error: 'answers must be an array of {question_index, selected_options?, text?}' },
      )
      .optional()
      .describe('Answers when the workflow paused with questions'),
  }),
  bilt_cancel_workflow: z.strictObject({
    session_id: uuid('session_id').describe('Session whose workflow to cancel'),
    reason: text('reason', { max: LIMITS.reasonMax }).optional().describe('Why, up to 500 characters'),
  }),
} satisfies Record<SeedToolName, z.ZodType>;

export type SeedInput<N extends SeedToolName> = z.output<(typeof seedInputs)[N]>;

// ---- outputs --------------------------------------------------------------------------------

export const SeedProject = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: z.enum(['public', 'private']),
  created_at: z.string(),
  updated_at: z.string(),
});

export const SeedProgress = z.object({ percentage: z.number(), current_step: z.string().optional() });

export const SeedQuestion = z.object({
  question: z.string(),
  options: z.array(z.string()),
  multi_select: z.boolean(),
  allow_text: z.boolean(),
});

export const SeedPause = z.object({
  type: z.enum(PAUSE_TYPES),
  questions: z.array(SeedQuestion).optional(),
  message: z.string().optional(),
  project_url: z.string().optional(),
});

export const SeedWorkflow = z.object({
  workflow_id: z.string(),
  status: z.enum(WORKFLOW_STATUSES),
  message: z.string(),
  progress: SeedProgress.nullable(),
  pause: SeedPause.nullable(),
  result_url: z.string().nullable(),
  error: z.string().nullable(),
  interrupted: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  ended_at: z.string().nullable(),
});

export const SeedSession = z.object({
  session_id: z.string(),
  project_id: z.string(),
  status: z.enum(SESSION_STATUSES),
  progress: SeedProgress.optional(),
  created_at: z.string(),
  updated_at: z.string(),
  // Additions beyond the documented fields (clients may ignore them):
  workflow_id: z.string().nullable().optional(),
  pause: SeedPause.optional(),
  message_count: z.number().int().optional(),
  workflows: z.array(SeedWorkflow).optional(),
});

export const SeedMessage = z.object({
  id: z.string(),
  side: z.enum(['user', 'ai']),
  variant: z.enum(['info', 'error', 'success', 'log']),
  message: z.string(),
  workflow_id: z.string().nullable(),
  seq: z.number().int(),
  created_at: z.string(),
});

export const seedOutputs = {
  bilt_list_projects: z.object({
    projects: z.array(SeedProject),
    /** Engine extension: all projects, and whether more follow the page. */
    total: z.number().int().optional(),
    has_more: z.boolean().optional(),
  }),
  bilt_get_project: SeedProject,
  bilt_create_project: SeedProject,
  bilt_get_session: SeedSession,
  bilt_send_message: z.object({
    session_id: z.string(),
    workflow_started: z.boolean(),
    subscriber_count: z.number().int().min(0),
    workflow_id: z.string().optional(),
    status: z.enum(WORKFLOW_STATUSES).optional(),
    progress: SeedProgress.optional(),
    pause: SeedPause.optional(),
    result_url: z.string().optional(),
    timed_out: z.boolean().optional(),
  }),
  bilt_get_messages: z.object({
    messages: z.array(SeedMessage),
    total: z.number().int(),
    has_more: z.boolean(),
  }),
  bilt_resume_workflow: z.object({
    session_id: z.string(),
    workflow_id: z.string(),
    status: z.enum(WORKFLOW_STATUSES),
    resumed_at: z.string(),
    message: z.string().optional(),
  }),
  bilt_cancel_workflow: z.object({
    session_id: z.string(),
    status: z.literal('cancelled'),
    cancelled_at: z.string(),
    message: z.string().optional(),
    workflow_id: z.string().optional(),
  }),
} satisfies Record<SeedToolName, z.ZodType>;

export type SeedOutput<N extends SeedToolName> = z.infer<(typeof seedOutputs)[N]>;

// ---- domain → seed --------------------------------------------------------------------------

export const toSeedProject = (p: Project): z.infer<typeof SeedProject> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  visibility: p.visibility,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

export const toSeedProgress = (p: Workflow['progress']) =>
  p ? { percentage: p.percentage, ...(p.currentStep !== undefined ? { current_step: p.currentStep } : {}) } : undefined;

export const toSeedPause = (p: Workflow['pause']): z.infer<typeof SeedPause> | undefined =>
  p
    ? {
        type: p.type,
        ...(p.questions
          ? {
              questions: p.questions.map((q) => ({
                question: q.question,
                options: q.options,
                multi_select: q.multiSelect,
                allow_text: q.allowText,
              })),
            }
          : {}),
        ...(p.message !== undefined ? { message: p.message } : {}),
        ...(p.projectUrl !== undefined ? { project_url: p.projectUrl } : {}),
      }
    : undefined;

export const toSeedWorkflow = (w: Workflow): z.infer<typeof SeedWorkflow> => ({
  workflow_id: w.id,
  status: w.status,
  message: w.message,
  progress: toSeedProgress(w.progress) ?? null,
  pause: toSeedPause(w.pause) ?? null,
  result_url: w.result?.url ?? null,
  error: w.error,
  interrupted: w.interrupted,
  created_at: w.createdAt,
  updated_at: w.updatedAt,
  ended_at: w.endedAt,
});

export function toSeedSession(
  s: Session,
  latest: Workflow | undefined,
  workflows?: Workflow[],
): z.infer<typeof SeedSession> {
  const progress = toSeedProgress(s.progress);
  const pause = latest?.status === 'paused' ? toSeedPause(latest.pause) : undefined;
  return {
    session_id: s.id,
    project_id: s.projectId,
    status: s.status,
    ...(progress ? { progress } : {}),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    workflow_id: s.workflowId,
    ...(pause ? { pause } : {}),
    message_count: s.messageCount,
    ...(workflows ? { workflows: workflows.map(toSeedWorkflow) } : {}),
  };
}

export const toSeedMessage = (m: Message): z.infer<typeof SeedMessage> => ({
  id: m.id,
  side: m.side,
  variant: m.variant,
  message: m.text,
  workflow_id: m.workflowId,
  seq: m.seq,
  created_at: m.createdAt,
});
