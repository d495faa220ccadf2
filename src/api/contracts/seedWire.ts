/**
 * What the client accepts from a seed-contract server: the documented fields are required, the
 * engine's additions are optional, anything else is ignored. Maps to core types.
 */
import { z } from 'zod';
import { SESSION_STATUSES, WORKFLOW_STATUSES, PAUSE_TYPES } from '../../core/status';
import type { Message, Pause, Progress, Project, Session, Workflow } from '../../core/model';

const Progress_ = z.looseObject({ percentage: z.number(), current_step: z.string().optional() });
const Question_ = z.looseObject({
  question: z.string(),
  options: z.array(z.string()).default([]),
  multi_select: z.boolean().default(false),
  allow_text: z.boolean().default(false),
});
const Pause_ = z.looseObject({
  type: z.enum(PAUSE_TYPES),
  questions: z.array(Question_).optional(),
  message: z.string().optional(),
  project_url: z.string().optional(),
});

export const SeedProjectIn = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  visibility: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export const SeedWorkflowIn = z.looseObject({
  workflow_id: z.string(),
  status: z.enum(WORKFLOW_STATUSES),
  message: z.string().default(''),
  progress: Progress_.nullish(),
  pause: Pause_.nullish(),
  result_url: z.string().nullish(),
  error: z.string().nullish(),
  interrupted: z.boolean().default(false),
  created_at: z.string(),
  updated_at: z.string(),
  ended_at: z.string().nullish(),
});
export const SeedSessionIn = z.looseObject({
  session_id: z.string(),
  project_id: z.string(),
  status: z.enum(SESSION_STATUSES),
  progress: Progress_.nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  workflow_id: z.string().nullish(),
  pause: Pause_.nullish(),
  message_count: z.number().int().optional(),
  workflows: z.array(SeedWorkflowIn).optional(),
});
export const SeedMessageIn = z.looseObject({
  id: z.string().optional(),
  side: z.enum(['user', 'ai']),
  variant: z.enum(['info', 'error', 'success', 'log']).catch('info'),
  message: z.string(),
  workflow_id: z.string().nullish(),
  seq: z.number().int().optional(),
  created_at: z.string().optional(),
});
export const SeedMessagesIn = z.looseObject({
  messages: z.array(SeedMessageIn),
  total: z.number().int(),
  has_more: z.boolean(),
});

const progress = (p: z.infer<typeof Progress_> | null | undefined): Progress | null =>
  p ? { percentage: p.percentage, ...(p.current_step !== undefined ? { currentStep: p.current_step } : {}) } : null;

const pause = (p: z.infer<typeof Pause_> | null | undefined): Pause | null =>
  p
    ? {
        type: p.type,
        ...(p.questions
          ? {
              questions: p.questions.map((q) => ({
                question: q.question,
                options: q.options,
                multiSelect: q.multi_select,
                allowText: q.allow_text,
              })),
            }
          : {}),
        ...(p.message !== undefined ? { message: p.message } : {}),
        ...(p.project_url !== undefined ? { projectUrl: p.project_url } : {}),
      }
    : null;

export function projectFromSeed(p: z.infer<typeof SeedProjectIn>): Project {
  const at = p.created_at ?? new Date(0).toISOString();
  return {
    id: p.id,
    name: p.name,
    description: p.description ?? null,
    visibility: p.visibility?.toLowerCase() === 'private' ? 'private' : 'public',
    createdAt: at,
    updatedAt: p.updated_at ?? at,
  };
}

export function workflowFromSeed(
  w: z.infer<typeof SeedWorkflowIn>,
  s: { session_id: string; project_id: string },
): Workflow {
  return {
    id: w.workflow_id,
    sessionId: s.session_id,
    projectId: s.project_id,
    status: w.status,
    message: w.message,
    progress: progress(w.progress),
    pause: pause(w.pause),
    result: w.result_url ? { url: w.result_url } : null,
    error: w.error ?? null,
    cancelReason: null,
    interrupted: w.interrupted,
    createdAt: w.created_at,
    startedAt: null,
    endedAt: w.ended_at ?? null,
    updatedAt: w.updated_at,
  };
}

export function sessionFromSeed(s: z.infer<typeof SeedSessionIn>): { session: Session; workflows: Workflow[] } {
  const workflows = (s.workflows ?? []).map((w) => workflowFromSeed(w, s));
  const latest = workflows[0];
  // a server without the workflows list still tells the latest workflow's pause
  if (latest && !latest.pause && s.pause) {
    latest.pause = pause(s.pause);
  }
  return {
    session: {
      id: s.session_id,
      projectId: s.project_id,
      status: s.status,
      progress: progress(s.progress),
      workflowId: s.workflow_id ?? latest?.id ?? null,
      messageCount: s.message_count ?? 0,
      createdAt: s.created_at,
      updatedAt: s.updated_at,
    },
    workflows,
  };
}

/** `position`: the message's seq when the server does not send one (newest first: total − offset − index). */
export function messageFromSeed(m: z.infer<typeof SeedMessageIn>, sessionId: string, position: number): Message {
  const seq = m.seq ?? position;
  return {
    id: m.id ?? `${sessionId}#${seq}`,
    sessionId,
    workflowId: m.workflow_id ?? null,
    seq,
    side: m.side,
    variant: m.variant,
    text: m.message,
    createdAt: m.created_at ?? new Date(0).toISOString(),
  };
}
