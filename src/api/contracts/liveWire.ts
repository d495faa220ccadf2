/**
 * What the client accepts from a live-contract server. The public sources leave most field names
 * open, so only what a client needs is required (ids, statuses); the rest is optional. Maps to core.
 */
import { z } from 'zod';
import { LIVE_WORKFLOW_STATUSES, PAUSE_TYPES, fromLiveStatus, type WorkflowStatus } from '../../core/status';
import type { Message, Progress, Project, Question, Session, Workflow } from '../../core/model';

const LiveStatusIn = z.enum([...LIVE_WORKFLOW_STATUSES, 'failed']);
const Progress_ = z.looseObject({ percentage: z.number(), currentStep: z.string().optional() });
const Question_ = z.looseObject({
  question: z.string(),
  options: z.array(z.string()).default([]),
  multiSelect: z.boolean().default(false),
  allowText: z.boolean().default(false),
});

export const LiveProjectIn = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  visibility: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  projectUrl: z.string().optional(),
});
export const LiveWorkflowIn = z.looseObject({
  workflowId: z.string(),
  status: LiveStatusIn,
  message: z.string().default(''),
  pauseType: z.enum(PAUSE_TYPES).optional(),
  questions: z.array(Question_).optional(),
  progress: Progress_.optional(),
  resultUrl: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export const LiveSessionIn = z.looseObject({
  projectId: z.string(),
  sessionId: z.string().optional(),
  status: z.enum(['idle', ...LIVE_WORKFLOW_STATUSES, 'failed']).optional(),
  hasActiveWorkflows: z.boolean(),
  workflows: z.array(LiveWorkflowIn).default([]),
  projectUrl: z.string().optional(),
  updatedAt: z.string().optional(),
});
export const LiveSendIn = z.looseObject({
  workflowId: z.string(),
  status: LiveStatusIn,
  pauseType: z.enum(PAUSE_TYPES).optional(),
  questions: z.array(Question_).optional(),
  progress: Progress_.optional(),
  projectUrl: z.string().optional(),
  resultUrl: z.string().optional(),
  error: z.string().optional(),
});
export const LiveMessageIn = z.looseObject({
  id: z.string().optional(),
  side: z.enum(['user', 'ai']).optional(),
  role: z.string().optional(),
  variant: z.enum(['info', 'error', 'success', 'log']).catch('info'),
  content: z.string().optional(),
  message: z.string().optional(),
  workflowId: z.string().nullish(),
  seq: z.number().int().optional(),
  createdAt: z.string().optional(),
});
export const LiveMessagesIn = z.looseObject({
  messages: z.array(LiveMessageIn),
  total: z.number().int().optional(),
  hasMore: z.boolean().optional(),
});

/** `timeout` means the server stopped waiting while the workflow still runs. */
export const domainStatus = (s: z.infer<typeof LiveStatusIn>): WorkflowStatus => fromLiveStatus(s) ?? 'running';

const progress = (p: z.infer<typeof Progress_> | undefined): Progress | null =>
  p ? { percentage: p.percentage, ...(p.currentStep !== undefined ? { currentStep: p.currentStep } : {}) } : null;

export function projectFromLive(p: z.infer<typeof LiveProjectIn>): Project {
  const at = p.createdAt ?? new Date(0).toISOString();
  return {
    id: p.id,
    name: p.name,
    description: p.description ?? null,
    visibility: p.visibility?.toLowerCase() === 'private' ? 'private' : 'public',
    createdAt: at,
    updatedAt: p.updatedAt ?? at,
  };
}

export function workflowFromLive(
  w: z.infer<typeof LiveWorkflowIn>,
  projectId: string,
  sessionId: string,
  projectUrl?: string,
): Workflow {
  const status = domainStatus(w.status);
  const at = w.updatedAt ?? w.createdAt ?? new Date(0).toISOString();
  const questions: Question[] | undefined = w.questions;
  return {
    id: w.workflowId,
    sessionId,
    projectId,
    status,
    message: w.message,
    progress: progress(w.progress),
    pause:
      status === 'paused' && w.pauseType
        ? { type: w.pauseType, ...(questions ? { questions } : {}), ...(projectUrl ? { projectUrl } : {}) }
        : null,
    result: w.resultUrl ? { url: w.resultUrl } : null,
    error: w.error ?? null,
    cancelReason: null,
    interrupted: false,
    createdAt: w.createdAt ?? at,
    startedAt: null,
    endedAt: null,
    updatedAt: at,
  };
}

export function sessionFromLive(s: z.infer<typeof LiveSessionIn>): { session: Session; workflows: Workflow[] } {
  // a live server may not name the session: the project stands for it
  const sessionId = s.sessionId ?? s.projectId;
  const workflows = s.workflows.map((w) => workflowFromLive(w, s.projectId, sessionId, s.projectUrl));
  const latest = workflows[0];
  const at = s.updatedAt ?? latest?.updatedAt ?? new Date(0).toISOString();
  return {
    session: {
      id: sessionId,
      projectId: s.projectId,
      status: latest ? latest.status : 'idle',
      progress: latest?.progress ?? null,
      workflowId: latest?.id ?? null,
      messageCount: 0,
      createdAt: workflows.at(-1)?.createdAt ?? at,
      updatedAt: at,
    },
    workflows,
  };
}

export function messageFromLive(m: z.infer<typeof LiveMessageIn>, sessionId: string, position: number): Message {
  const seq = m.seq ?? position;
  const side = m.side ?? (m.role === 'user' ? 'user' : 'ai');
  return {
    id: m.id ?? `${sessionId}#${seq}`,
    sessionId,
    workflowId: m.workflowId ?? null,
    seq,
    side,
    variant: m.variant,
    text: m.content ?? m.message ?? '',
    createdAt: m.createdAt ?? new Date(0).toISOString(),
  };
}
