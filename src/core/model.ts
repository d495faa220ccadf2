/**
 * The domain, independent of any wire contract: what a project, session, workflow and message are.
 * Names are camelCase; the seed (snake_case) and live (camelCase) contracts map to and from these
 * in contract/seed.ts and contract/live.ts.
 */
import { z } from 'zod';
import { PAUSE_TYPES, SESSION_STATUSES, WORKFLOW_STATUSES } from './status';

export const IsoTime = z.string().min(1);

export const Visibility = z.enum(['public', 'private']);
export type Visibility = z.infer<typeof Visibility>;

export const Project = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: Visibility,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Session API gateways: each session is shown as a project, grouped by its task (this). */
  group: z.string().optional(),
});
export type Project = z.infer<typeof Project>;

export const Progress = z.object({
  /** 0–100. */
  percentage: z.number().min(0).max(100),
  currentStep: z.string().optional(),
});
export type Progress = z.infer<typeof Progress>;

export const Question = z.object({
  question: z.string(),
  /** Choices offered; empty when only free text is expected. */
  options: z.array(z.string()).default([]),
  multiSelect: z.boolean().default(false),
  /** Whether a free-text answer is accepted (always true when there are no options). */
  allowText: z.boolean().default(false),
});
export type Question = z.infer<typeof Question>;

export const Pause = z.object({
  type: z.enum(PAUSE_TYPES),
  questions: z.array(Question).optional(),
  /** What the user has to do, in words. */
  message: z.string().optional(),
  /** Where the user acts for secrets/supabase pauses. */
  projectUrl: z.string().optional(),
});
export type Pause = z.infer<typeof Pause>;

export const Answer = z.object({
  questionIndex: z.number().int().min(0),
  selectedOptions: z.array(z.string()).default([]),
  text: z.string().optional(),
});
export type Answer = z.infer<typeof Answer>;

export const WorkflowResult = z.object({
  /** Deployment or preview URL, when the workflow produced one. */
  url: z.string().optional(),
  summary: z.string().optional(),
});
export type WorkflowResult = z.infer<typeof WorkflowResult>;

export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES);
export const SessionStatusSchema = z.enum(SESSION_STATUSES);

export const Workflow = z.object({
  id: z.string(),
  sessionId: z.string(),
  projectId: z.string(),
  status: WorkflowStatusSchema,
  /** The instruction that started it. */
  message: z.string(),
  progress: Progress.nullable(),
  pause: Pause.nullable(),
  result: WorkflowResult.nullable(),
  error: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** True when it failed because the engine stopped under it; such a workflow can be resumed. */
  interrupted: z.boolean(),
  createdAt: IsoTime,
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  updatedAt: IsoTime,
});
export type Workflow = z.infer<typeof Workflow>;

export const Session = z.object({
  id: z.string(),
  projectId: z.string(),
  status: SessionStatusSchema,
  progress: Progress.nullable(),
  /** The latest workflow, if any. */
  workflowId: z.string().nullable(),
  messageCount: z.number().int().min(0),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Session API attributes (seed 003): which agent runs the work (e.g. CLAUDE_CODE), the task it belongs to. */
  agentId: z.string().optional(),
  taskId: z.string().nullable().optional(),
  /** The prompt it was created with (or was given since), shown to people. */
  prompt: z.string().nullable().optional(),
  /** Free-form data; `workdir` and `model` are read by the agents. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Session = z.infer<typeof Session>;

export const Side = z.enum(['user', 'ai']);
export const Variant = z.enum(['info', 'error', 'success', 'log']);
export type Side = z.infer<typeof Side>;
export type Variant = z.infer<typeof Variant>;

export const Message = z.object({
  id: z.string(),
  sessionId: z.string(),
  workflowId: z.string().nullable(),
  /** 1-based position in the session's history; a cursor for incremental reads. */
  seq: z.number().int().min(1),
  side: Side,
  variant: Variant,
  text: z.string(),
  createdAt: IsoTime,
});
export type Message = z.infer<typeof Message>;

/** A page of a session's history, newest first, as the contract returns it. */
export interface MessagePage {
  messages: Message[];
  total: number;
  hasMore: boolean;
}
