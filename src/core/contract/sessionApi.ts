/**
 * The Session API (seed 003, a REST API for agent sessions), as the local engine serves it and the
 * client reads it: request bodies and queries with their limits, the answers, and the mapping of the
 * domain's states onto the API's five statuses. The engine's OpenAPI document is generated from these
 * schemas. Gateways that answer in other shapes (the open-source gateway's running code) are read
 * leniently by the client (src/api/contracts/sessionApiWire.ts); this file is the engine's strict side.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import type { Message, Session, Workflow } from '../model';
import { PAUSE_TYPES, SESSION_STATUSES, type SessionStatus } from '../status';
import { excerpt, integer, nestedDeeperThan, text } from '../validation';

/** The API's statuses, in the seed's order. */
export const API_STATUSES = ['created', 'active', 'paused', 'completed', 'failed'] as const;
export type ApiStatus = (typeof API_STATUSES)[number];

/** Statuses a client may set with PATCH: paused (pause the work), active (continue it), failed (stop it for good). */
export const SETTABLE_STATUSES = ['active', 'paused', 'failed'] as const;

/** Largest `data` object accepted, serialized (it is stored with the session). */
export const DATA_MAX_BYTES = 16 * 1024;
/** How deeply session data may nest (objects and arrays inside the data object). */
export const DATA_MAX_DEPTH = 32;

/**
 * The domain's finer state → the API's five statuses. A session with no workflow yet is `created`;
 * pending and running are `active`; every pause (questions, secrets, Supabase, an engine pause) is
 * `paused`; a cancelled workflow ended without completing, so it is `failed` (the finer state stays
 * in `workflow_status`).
 */
export function toApiStatus(status: SessionStatus): ApiStatus {
  switch (status) {
    case 'idle':
      return 'created';
    case 'pending':
    case 'running':
      return 'active';
    case 'paused':
      return 'paused';
    case 'completed':
      return 'completed';
    case 'failed':
    case 'cancelled':
      return 'failed';
  }
}

/** A gateway's status → the domain's, preferring the finer state when the server gives it. */
export function fromApiStatus(status: string, finer?: string): SessionStatus {
  if (finer && (SESSION_STATUSES as readonly string[]).includes(finer)) {
    return finer as SessionStatus;
  }
  switch (status) {
    case 'created':
      return 'idle';
    case 'active':
    case 'running':
      return 'running';
    case 'paused':
      return 'paused';
    case 'completed':
      return 'completed';
    default:
      return status === 'failed' || status === 'error' ? 'failed' : 'idle';
  }
}

// ---- requests -----------------------------------------------------------------------------------

export const SessionData = z
  .record(z.string(), z.unknown(), { error: 'data must be an object' })
  .superRefine((data, ctx) => {
    for (const key of ['workdir', 'model'] as const) {
      const v = data[key];
      // null removes the key (PATCH merges data)
      if (v !== undefined && v !== null && (typeof v !== 'string' || v.length === 0 || v.length > 4096)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `data.${key} must be a string of 1–4096 characters` });
      }
    }
    if (nestedDeeperThan(data, DATA_MAX_DEPTH)) {
      ctx.addIssue({ code: 'custom', message: `data may nest at most ${DATA_MAX_DEPTH} levels deep` });
      return;
    }
    const size = new TextEncoder().encode(JSON.stringify(data)).length;
    if (size > DATA_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', message: `data must be at most ${DATA_MAX_BYTES} bytes as JSON (got ${size})` });
    }
  })
  .describe(
    'Free-form session data; workdir (the directory a command agent runs in) and model (for agents that take one) are read by the engine',
  );

const agentId = text('agent_id', { min: 1, max: 64 }).describe(
  'The agent that runs the work, e.g. CLAUDE_CODE, CODEX, EMULATOR',
);
const taskId = text('task_id', { min: 1, max: LIMITS.projectNameMax })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'task_id may contain only letters, digits, hyphens and underscores' })
  .describe('The task the session belongs to (a Bilt project of that name, created when new)');
const prompt = text('prompt', { min: LIMITS.messageMin, max: LIMITS.messageMax });

export const CreateSessionBody = z.strictObject({
  agent_id: agentId,
  task_id: taskId.optional(),
  prompt: prompt.optional().describe('Starts the first workflow with this instruction (1–5000 characters)'),
  data: SessionData.optional(),
});

export const PatchSessionBody = z
  .strictObject({
    status: z
      .enum(SETTABLE_STATUSES, { error: 'status can be set to active, paused or failed' })
      .optional()
      .describe('paused pauses the running work; active continues it; failed stops it for good'),
    data: SessionData.optional().describe('Merged into the session data (a key set to null is removed)'),
    prompt: prompt.optional().describe('Stored and shown; it does not start work (send a message for that)'),
  })
  .refine((b) => b.status !== undefined || b.data !== undefined || b.prompt !== undefined, {
    error: 'give at least one of status, data, prompt',
    path: ['status'],
  });

export const SendMessageBody = z.strictObject({
  content: text('content', { min: LIMITS.messageMin, max: LIMITS.messageMax }).describe(
    'The instruction, 1–5000 characters',
  ),
});

export const ListSessionsQuery = z.strictObject({
  task_id: z.string().optional(),
  agent_id: z.string().optional(),
  status: z.enum(API_STATUSES, { error: `status must be one of ${API_STATUSES.join(', ')}` }).optional(),
});

/** DELETE /api/sessions/:id: `force=true` cancels pending, running or paused work first. */
export const DeleteSessionQuery = z.strictObject({
  force: z
    .enum(['true', 'false'], { error: 'force must be true or false' })
    .optional()
    .describe('true: cancel the pending, running or paused work first (otherwise such a session is not deleted)'),
});

/** Endpoints that take no query parameters. */
export const NoQuery = z.strictObject({});

const queryInt = (field: string, min: number, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, {
      error: (iss) =>
        `${field} must be a whole number from ${min} to ${max ?? Number.MAX_SAFE_INTEGER} (got ${excerpt(iss.input)})`,
    })
    .transform(Number)
    .pipe(integer(field, { min, ...(max !== undefined ? { max } : {}) }));

export const MessagesQuery = z.strictObject({
  after: queryInt('after', 0).optional().describe('Only messages after this seq (the cursor a page ended at)'),
  limit: queryInt('limit', 1, LIMITS.messagesLimitMax).optional().describe('1–100, default 100'),
});

// ---- answers ------------------------------------------------------------------------------------

export const ApiProgress = z.object({ percentage: z.number(), current_step: z.string().optional() });

export const ApiSession = z.object({
  id: z.string(),
  agent_id: z.string(),
  task_id: z.string().nullable(),
  status: z.enum(API_STATUSES),
  prompt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  last_active: z.string(),
  message_count: z.number().int().min(0),
  // the engine's finer state, so nothing the five statuses merge is lost
  workflow_status: z.enum(SESSION_STATUSES),
  pause_type: z.enum(PAUSE_TYPES).nullable(),
  workflow_id: z.string().nullable(),
  progress: ApiProgress.nullable(),
  result_url: z.string().nullable(),
  project_id: z.string(),
});
export type ApiSession = z.infer<typeof ApiSession>;

export const SessionList = z.object({ sessions: z.array(ApiSession) });
export const SendMessageResult = z.object({
  message_id: z.string(),
  status: z.literal('sent'),
  timestamp: z.string(),
  workflow_id: z.string(),
});
export const DeleteResult = z.object({ deleted: z.string() });

export const ApiMessage = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  timestamp: z.string(),
  seq: z.number().int().min(1),
  variant: z.enum(['info', 'error', 'success', 'log']),
  workflow_id: z.string().nullable(),
});
export type ApiMessage = z.infer<typeof ApiMessage>;
export const MessagesResult = z.object({
  messages: z.array(ApiMessage),
  /** The seq to pass as `after` for what follows (the last seq of this page), null when the page is empty. */
  next_cursor: z.number().int().nullable(),
  has_more: z.boolean(),
  total: z.number().int().min(0),
});

export const ApiError = z.object({
  error: z.string(),
  code: z.string(),
  details: z.record(z.string(), z.unknown()),
});

// ---- domain → API -------------------------------------------------------------------------------

export function toApiSession(s: Session, latest: Workflow | undefined, defaultAgentId: string): ApiSession {
  const progress = latest?.progress;
  return {
    id: s.id,
    agent_id: s.agentId ?? defaultAgentId,
    task_id: s.taskId ?? null,
    status: toApiStatus(s.status),
    prompt: s.prompt ?? null,
    data: s.data ?? {},
    created_at: s.createdAt,
    last_active: s.updatedAt,
    message_count: s.messageCount,
    workflow_status: s.status,
    pause_type: latest?.status === 'paused' ? (latest.pause?.type ?? null) : null,
    workflow_id: s.workflowId,
    progress: progress
      ? { percentage: progress.percentage, ...(progress.currentStep ? { current_step: progress.currentStep } : {}) }
      : null,
    result_url: latest?.result?.url ?? null,
    project_id: s.projectId,
  };
}

export function toApiMessage(m: Message): ApiMessage {
  return {
    id: m.id,
    role: m.side === 'user' ? 'user' : 'assistant',
    content: m.text,
    timestamp: m.createdAt,
    seq: m.seq,
    variant: m.variant,
    workflow_id: m.workflowId,
  };
}
