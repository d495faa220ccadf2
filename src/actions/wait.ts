/**
 * Waiting for a workflow to settle (complete, fail, be cancelled, or pause for the user), written once:
 * the "wait for the result" command, the agent tools and the bridge's wait_for_response all use it. It
 * watches the session (push where the server has it, else polling within the request budget), reports
 * every change of the workflow, and stops at the time limit or when the caller aborts.
 */
import type { SessionRef, SessionView } from '../api/backend';
import type { BiltError } from '../core/errors';
import { LIMITS } from '../core/limits';
import type { Message, Workflow } from '../core/model';
import type { ActionClient } from './context';

export interface WaitOptions {
  signal?: AbortSignal | undefined;
  /** Longest wait (default: the contract's 5 minutes). */
  timeoutMs?: number | undefined;
  /** Each state of the workflow seen while waiting. */
  onUpdate?: ((w: Workflow) => void) | undefined;
  /** New messages of the session, oldest first, as they arrive. */
  onMessages?: ((messages: Message[]) => void) | undefined;
  /** With onMessages: deliver the messages after this seq (default: from now on). */
  fromSeq?: number | undefined;
  /**
   * Ends the wait as `lost` at a watch error this says is fatal (a caller that can find the server
   * again elsewhere, e.g. the local engine restarted on another port); otherwise the watch retries.
   */
  endOnError?: ((error: BiltError) => boolean) | undefined;
}

export interface WaitResult {
  /** The workflow as last seen (undefined if the session never showed it). */
  workflow: Workflow | undefined;
  view: SessionView | undefined;
  /**
   * settled: it completed, failed, was cancelled or paused; timedOut: the limit came first; aborted: the
   * caller stopped; lost: the watch failed with an error endOnError chose (in `error`).
   */
  ended: 'settled' | 'timedOut' | 'aborted' | 'lost';
  error?: BiltError;
}

export const isSettled = (w: Workflow | undefined) =>
  w !== undefined && w.status !== 'pending' && w.status !== 'running';

/** Polling gap while waiting on a server without push: a person or an agent is waiting for this answer. */
const WAIT_POLL_MS = 2000;

export async function waitForWorkflow(
  client: Pick<ActionClient, 'watch'>,
  ref: SessionRef,
  workflowId: string,
  o: WaitOptions = {},
): Promise<WaitResult> {
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(), o.timeoutMs ?? LIMITS.waitTimeoutMs);
  const signal = o.signal ? AbortSignal.any([limit.signal, o.signal]) : limit.signal;
  let view: SessionView | undefined;
  let workflow: Workflow | undefined;
  try {
    const watching = { signal, activeMs: WAIT_POLL_MS, idleMs: WAIT_POLL_MS };
    for await (const e of client.watch(ref, o.fromSeq !== undefined ? { ...watching, fromSeq: o.fromSeq } : watching)) {
      if (e.type === 'messages') {
        o.onMessages?.(e.messages);
      }
      if (e.type === 'error' && o.endOnError?.(e.error)) {
        return { workflow, view, ended: 'lost', error: e.error };
      }
      if (e.type !== 'session') {
        continue;
      }
      view = e.view;
      workflow = e.view.workflows.find((w) => w.id === workflowId) ?? workflow;
      if (workflow) {
        o.onUpdate?.(workflow);
      }
      if (isSettled(workflow)) {
        return { workflow, view, ended: 'settled' };
      }
    }
  } finally {
    clearTimeout(timer);
    limit.abort();
  }
  return { workflow, view, ended: o.signal?.aborted ? 'aborted' : 'timedOut' };
}
