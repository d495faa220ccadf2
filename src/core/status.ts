/**
 * Workflow and session states and the rules between them. The one place that decides what can be
 * cancelled, resumed or sent to; engine, client, bridge and UI ask these functions.
 */
export const WORKFLOW_STATUSES = ['pending', 'running', 'paused', 'completed', 'failed', 'cancelled'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** A session's status is its latest workflow's status, or `idle` when it has none. */
export const SESSION_STATUSES = ['idle', ...WORKFLOW_STATUSES] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PAUSE_TYPES = ['questions', 'secrets', 'supabase'] as const;
export type PauseType = (typeof PAUSE_TYPES)[number];

export const ACTIVE_STATUSES: readonly WorkflowStatus[] = ['pending', 'running', 'paused'];
export const TERMINAL_STATUSES: readonly WorkflowStatus[] = ['completed', 'failed', 'cancelled'];

/** pending, running and paused hold the session: no new message until they end ("a workflow is already in progress"). */
export function isActive(status: SessionStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

export function isTerminal(status: SessionStatus): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** Cancel is allowed only from running, paused or pending. */
export function canCancel(status: SessionStatus): boolean {
  return isActive(status);
}

/**
 * Resume continues a paused workflow, or re-runs one that failed only because the engine was
 * interrupted ("continue interrupted builds"). A cancelled workflow is never resumed.
 */
export function canResume(status: SessionStatus, interrupted = false): boolean {
  return status === 'paused' || (status === 'failed' && interrupted);
}

/** Why resume is refused, in words a user or an agent can act on; undefined when it is allowed. */
export function resumeRefusal(status: SessionStatus, interrupted = false): string | undefined {
  if (canResume(status, interrupted)) {
    return undefined;
  }
  switch (status) {
    case 'cancelled':
      return 'A cancelled workflow cannot be resumed; send a new message to start a new workflow';
    case 'completed':
      return 'Workflow has already completed; send a new message to start a new workflow';
    case 'failed':
      return 'Workflow failed; send a new message to retry';
    case 'idle':
      return 'No workflow to resume; send a message to start one';
    default:
      return `Workflow is ${status}, not paused`;
  }
}

/** Why cancel is refused, matching the documented "Cannot cancel workflow" error. */
export function cancelRefusal(status: SessionStatus): string | undefined {
  if (canCancel(status)) {
    return undefined;
  }
  switch (status) {
    case 'completed':
      return 'Workflow has already completed';
    case 'failed':
      return 'Workflow has already failed';
    case 'cancelled':
      return 'Workflow has already been cancelled';
    default:
      return 'No workflow is running';
  }
}

const TRANSITIONS: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  pending: ['running', 'cancelled', 'failed'],
  running: ['paused', 'completed', 'failed', 'cancelled'],
  paused: ['running', 'cancelled', 'failed'],
  // only an interrupted workflow leaves `failed`, through resume
  failed: ['pending'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: WorkflowStatus, to: WorkflowStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The live contract's words for the same states (`queued` for pending, `error` for failed). */
export const LIVE_STATUS = {
  pending: 'queued',
  running: 'running',
  paused: 'paused',
  completed: 'completed',
  failed: 'error',
  cancelled: 'cancelled',
} as const satisfies Record<WorkflowStatus, string>;
export type LiveWorkflowStatus = (typeof LIVE_STATUS)[WorkflowStatus] | 'timeout';
export const LIVE_WORKFLOW_STATUSES = [
  'queued',
  'running',
  'paused',
  'completed',
  'error',
  'cancelled',
  'timeout',
] as const;

export function fromLiveStatus(s: LiveWorkflowStatus | 'failed'): WorkflowStatus | undefined {
  switch (s) {
    case 'queued':
      return 'pending';
    case 'error':
    case 'failed':
      return 'failed';
    case 'timeout':
      return undefined;
    default:
      return s;
  }
}
