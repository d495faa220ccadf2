/**
 * The live contract (current Bilt service, 7 tools, camelCase, projectId-keyed, no resume tool;
 * pauses carry a pauseType and questions are answered through bilt_send_message with `answers`).
 * Field names the public sources leave open are decided here and documented in docs/CONTRACT.md.
 */
import { z } from 'zod';
import { LIMITS, PROJECT_NAME_PATTERN } from '../limits';
import { LIVE_STATUS, LIVE_WORKFLOW_STATUSES, PAUSE_TYPES } from '../status';
import { integer, text, uuid } from '../validation';
import type { Answer, Message, Project, Session, Workflow } from '../model';

export const LIVE_TOOL_NAMES = [
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_create_project',
  'bilt_get_session',
  'bilt_send_message',
  'bilt_get_messages',
  'bilt_cancel_workflow',
] as const;
export type LiveToolName = (typeof LIVE_TOOL_NAMES)[number];

/** `answers` travels as a JSON-encoded string: `[{"questionIndex":0,"selectedOptions":["A"]}]`. */
export const LiveAnswer = z.strictObject({
  questionIndex: integer('questionIndex', { min: 0 }),
  selectedOptions: z.array(z.string()).optional(),
  text: text('text', { max: LIMITS.messageMax }).optional(),
});

export const liveAnswersField = text('answers', { min: 2, max: 20_000 })
  .transform((s, ctx): unknown => {
    try {
      return JSON.parse(s);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'answers must be a JSON-encoded array such as [{"questionIndex":0,"selectedOptions":["Option A"]}]',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(LiveAnswer, { error: 'answers must be a JSON-encoded array of {questionIndex, selectedOptions?, text?}' })
      .min(1, { error: 'answers must hold at least one answer' }),
  );

export const liveInputs = {
  bilt_list_projects: z.strictObject({
    limit: integer('limit', { min: 1, max: LIMITS.projectsLimitMax })
      .optional()
      .describe('Optional page size, 1–100 (newest first); without it, every project'),
    offset: integer('offset', { min: 0 }).optional().describe('Projects to skip from the newest, default 0'),
  }),
  bilt_get_project: z.strictObject({ projectId: uuid('projectId').describe('Project id (UUID)') }),
  bilt_create_project: z.strictObject({
    name: text('name', {
      min: 1,
      max: LIMITS.projectNameMax,
      pattern: PROJECT_NAME_PATTERN,
      patternHint: 'letters, digits, hyphens and underscores',
    }).describe('Unique project name: up to 255 letters, digits, hyphens and underscores'),
    description: text('description', { max: LIMITS.descriptionMax }).optional().describe('Up to 1000 characters'),
  }),
  bilt_get_session: z.strictObject({ projectId: uuid('projectId').describe('Project whose session to read') }),
  bilt_send_message: z
    .strictObject({
      projectId: uuid('projectId').describe('Project to send to'),
      message: text('message', { min: LIMITS.messageMin, max: LIMITS.messageMax })
        .optional()
        .describe('Instruction, 1–5000 characters'),
      answers: liveAnswersField.optional().describe('JSON-encoded answers to a questions pause'),
      workflowId: uuid('workflowId').optional().describe('The paused workflow the answers are for'),
    })
    .refine((v) => v.message !== undefined || v.answers !== undefined, {
      error: 'message or answers is required',
      path: ['message'],
    }),
  bilt_get_messages: z.strictObject({
    projectId: uuid('projectId').describe('Project whose conversation to read'),
    limit: integer('limit', { min: LIMITS.messagesLimitMin, max: LIMITS.messagesLimitMax })
      .optional()
      .describe('1–100, default 50'),
    offset: integer('offset', { min: 0 }).optional().describe('Messages to skip from the newest, default 0'),
  }),
  bilt_cancel_workflow: z.strictObject({
    projectId: uuid('projectId').describe('Project whose active workflow to cancel'),
    reason: text('reason', { max: LIMITS.reasonMax }).optional().describe('Why, up to 500 characters'),
  }),
} satisfies Record<LiveToolName, z.ZodType>;

export type LiveInput<N extends LiveToolName> = z.output<(typeof liveInputs)[N]>;

// ---- outputs --------------------------------------------------------------------------------

const LiveStatus = z.enum(LIVE_WORKFLOW_STATUSES);
export const LiveProgress = z.object({ percentage: z.number(), currentStep: z.string().optional() });
export const LiveQuestion = z.object({
  question: z.string(),
  options: z.array(z.string()),
  multiSelect: z.boolean(),
  allowText: z.boolean(),
});

export const LiveProject = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: z.enum(['public', 'private']),
  createdAt: z.string(),
  updatedAt: z.string(),
  projectUrl: z.string(),
});

export const LiveWorkflow = z.object({
  workflowId: z.string(),
  status: LiveStatus,
  message: z.string(),
  pauseType: z.enum(PAUSE_TYPES).optional(),
  questions: z.array(LiveQuestion).optional(),
  progress: LiveProgress.optional(),
  resultUrl: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const LiveMessage = z.object({
  id: z.string(),
  side: z.enum(['user', 'ai']),
  variant: z.enum(['info', 'error', 'success', 'log']),
  content: z.string(),
  workflowId: z.string().nullable(),
  seq: z.number().int(),
  createdAt: z.string(),
});

export const liveOutputs = {
  bilt_list_projects: z.object({
    projects: z.array(LiveProject),
    /** Engine extension: all projects, and whether more follow the page. */
    total: z.number().int().optional(),
    hasMore: z.boolean().optional(),
  }),
  bilt_get_project: LiveProject,
  bilt_create_project: LiveProject,
  bilt_get_session: z.object({
    projectId: z.string(),
    sessionId: z.string(),
    status: z.enum(['idle', ...LIVE_WORKFLOW_STATUSES]),
    hasActiveWorkflows: z.boolean(),
    workflows: z.array(LiveWorkflow),
    projectUrl: z.string(),
    updatedAt: z.string(),
  }),
  bilt_send_message: z.object({
    projectId: z.string(),
    workflowId: z.string(),
    status: LiveStatus,
    pauseType: z.enum(PAUSE_TYPES).optional(),
    questions: z.array(LiveQuestion).optional(),
    progress: LiveProgress.optional(),
    projectUrl: z.string(),
    resultUrl: z.string().optional(),
    result: z.string().optional(),
    error: z.string().optional(),
  }),
  bilt_get_messages: z.object({
    projectId: z.string(),
    messages: z.array(LiveMessage),
    total: z.number().int(),
    hasMore: z.boolean(),
  }),
  bilt_cancel_workflow: z.object({
    projectId: z.string(),
    workflowId: z.string(),
    status: z.literal('cancelled'),
    cancelledAt: z.string(),
    message: z.string(),
  }),
} satisfies Record<LiveToolName, z.ZodType>;

export type LiveOutput<N extends LiveToolName> = z.infer<(typeof liveOutputs)[N]>;

// ---- domain ↔ live --------------------------------------------------------------------------

export const toLiveProject = (p: Project, projectUrl: string): z.infer<typeof LiveProject> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  visibility: p.visibility,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
  projectUrl,
});

export const toLiveProgress = (p: Workflow['progress']) =>
  p ? { percentage: p.percentage, ...(p.currentStep !== undefined ? { currentStep: p.currentStep } : {}) } : undefined;

export function toLiveWorkflow(w: Workflow): z.infer<typeof LiveWorkflow> {
  const progress = toLiveProgress(w.progress);
  const paused = w.status === 'paused' && w.pause;
  return {
    workflowId: w.id,
    status: LIVE_STATUS[w.status],
    message: w.message,
    ...(paused ? { pauseType: w.pause!.type } : {}),
    ...(paused && w.pause!.questions ? { questions: w.pause!.questions } : {}),
    ...(progress ? { progress } : {}),
    ...(w.result?.url ? { resultUrl: w.result.url } : {}),
    ...(w.error ? { error: w.error } : {}),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

export const toLiveSessionStatus = (s: Session['status']): 'idle' | (typeof LIVE_STATUS)[keyof typeof LIVE_STATUS] =>
  s === 'idle' ? 'idle' : LIVE_STATUS[s];

export const toLiveMessage = (m: Message): z.infer<typeof LiveMessage> => ({
  id: m.id,
  side: m.side,
  variant: m.variant,
  content: m.text,
  workflowId: m.workflowId,
  seq: m.seq,
  createdAt: m.createdAt,
});

export const fromLiveAnswers = (answers: z.infer<typeof LiveAnswer>[]): Answer[] =>
  answers.map((a) => ({
    questionIndex: a.questionIndex,
    selectedOptions: a.selectedOptions ?? [],
    ...(a.text !== undefined ? { text: a.text } : {}),
  }));
