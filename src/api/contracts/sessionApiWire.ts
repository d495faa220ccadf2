/**
 * What the client accepts from a Session API gateway (seed 003), leniently: the shapes its documentation
 * gives (`{sessions}`, `data`, `last_active`, `message_count`), the shapes its running code answers
 * (`session_data`, `updated_at`, bare objects and arrays), and the local engine's (the finer state in
 * `workflow_status`, `pause_type`, `workflow_id`). Only the id is required; an unknown status is read
 * with fromApiStatus. Each gateway session is shown as a project with that one session.
 */
import { z } from 'zod';
import { fromApiStatus } from '../../core/contract/sessionApi';
import type { Progress, Project, Session, Workflow } from '../../core/model';
import { PAUSE_TYPES } from '../../core/status';
import type { SessionView } from '../backend';
import { parseJsonOrText } from '../http/restConnection';

/** ISO text, or milliseconds (seconds when small) since the epoch. */
const Time = z
  .union([z.string(), z.number()])
  .transform((t) => (typeof t === 'number' ? new Date(t < 1e12 ? t * 1000 : t).toISOString() : t));

/** An object, or an object serialized as JSON text; anything else is no data. */
const Data = z.unknown().transform((v): Record<string, unknown> | undefined => {
  const value = typeof v === 'string' ? parseJsonOrText(v) : v;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
});

const ProgressIn = z.looseObject({ percentage: z.number().min(0).max(100), current_step: z.string().optional() });

export const GatewaySessionIn = z.looseObject({
  id: z.string().min(1),
  agent_id: z.string().nullish(),
  task_id: z.string().nullish(),
  status: z.string().default('created'),
  prompt: z.string().nullish(),
  data: Data.optional(),
  session_data: Data.optional(),
  created_at: Time.nullish(),
  last_active: Time.nullish(),
  updated_at: Time.nullish(),
  message_count: z.number().int().min(0).nullish(),
  workflow_status: z.string().nullish(),
  pause_type: z.enum(PAUSE_TYPES).nullish().catch(null),
  workflow_id: z.string().nullish(),
  progress: ProgressIn.nullish().catch(null),
  result_url: z.string().nullish(),
});
export type GatewaySession = z.infer<typeof GatewaySessionIn>;

/** `{sessions: [...]}` as documented, or a bare array. */
export const GatewayListIn = z.union([
  z.array(GatewaySessionIn),
  z.looseObject({ sessions: z.array(GatewaySessionIn) }).transform((list) => list.sessions),
]);

/** What a send answers (documented: message_id, status, timestamp; the engine adds workflow_id). */
export const GatewaySendIn = z.looseObject({ workflow_id: z.string().nullish() }).catch({});

const TextBlocks = z.array(z.looseObject({ text: z.string().optional() }));
export const GatewayMessageIn = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  seq: z.number().int().min(1).optional(),
  role: z.string().optional(),
  side: z.string().optional(),
  variant: z.enum(['info', 'error', 'success', 'log']).catch('info'),
  content: z.union([z.string(), TextBlocks]).nullish().catch(null),
  message: z.string().nullish(),
  text: z.string().nullish(),
  workflow_id: z.string().nullish(),
  timestamp: Time.nullish(),
  created_at: Time.nullish(),
});
export type GatewayMessage = z.infer<typeof GatewayMessageIn>;

/** The engine's cursor form `{messages, next_cursor, has_more, total}`, or the whole history at once. */
export const GatewayMessagesIn = z.union([
  z
    .array(GatewayMessageIn)
    .transform((messages) => ({ messages, next_cursor: undefined, has_more: undefined, total: undefined })),
  z.looseObject({
    messages: z.array(GatewayMessageIn),
    next_cursor: z.number().int().nullish(),
    has_more: z.boolean().optional(),
    total: z.number().int().min(0).optional(),
  }),
]);

/** The time of what the server does not date. */
export const EPOCH = new Date(0).toISOString();
const createdAt = (s: GatewaySession) => s.created_at ?? EPOCH;
const updatedAt = (s: GatewaySession) => s.last_active ?? s.updated_at ?? createdAt(s);
const progress = (s: GatewaySession): Progress | null =>
  s.progress
    ? {
        percentage: s.progress.percentage,
        ...(s.progress.current_step ? { currentStep: s.progress.current_step } : {}),
      }
    : null;

/** The prompt's first 60 characters on one line, else the session id. */
export function projectName(s: GatewaySession): string {
  const line = (s.prompt ?? '').replace(/\s+/g, ' ').trim();
  return line ? line.slice(0, 60).trimEnd() : s.id;
}

export function projectFromGateway(s: GatewaySession): Project {
  const about = [s.agent_id && `agent ${s.agent_id}`, s.task_id && `task ${s.task_id}`].filter(Boolean).join(' · ');
  return {
    id: s.id,
    name: projectName(s),
    description: about || null,
    visibility: 'private',
    createdAt: createdAt(s),
    updatedAt: updatedAt(s),
    ...(s.task_id ? { group: s.task_id } : {}),
  };
}

/** The session and one synthetic workflow for its current work (none while it is idle). */
export function viewFromGateway(s: GatewaySession): SessionView {
  const status = fromApiStatus(s.status, s.workflow_status ?? undefined);
  const workflowId = status === 'idle' ? null : (s.workflow_id ?? s.id);
  const data = s.data ?? s.session_data;
  const session: Session = {
    id: s.id,
    projectId: s.id,
    status,
    progress: progress(s),
    workflowId,
    messageCount: s.message_count ?? 0,
    createdAt: createdAt(s),
    updatedAt: updatedAt(s),
    ...(s.agent_id ? { agentId: s.agent_id } : {}),
    taskId: s.task_id ?? null,
    prompt: s.prompt ?? null,
    ...(data ? { data } : {}),
  };
  if (status === 'idle' || workflowId === null) {
    return { session, workflows: [] };
  }
  const workflow: Workflow = {
    id: workflowId,
    sessionId: s.id,
    projectId: s.id,
    status,
    message: s.prompt ?? '',
    progress: session.progress,
    pause: status === 'paused' && s.pause_type ? { type: s.pause_type } : null,
    result: s.result_url ? { url: s.result_url } : null,
    error: null,
    cancelReason: null,
    interrupted: false,
    createdAt: session.createdAt,
    startedAt: null,
    endedAt: null,
    updatedAt: session.updatedAt,
  };
  return { session, workflows: [workflow] };
}
