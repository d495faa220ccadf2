/**
 * Waiting for a workflow to settle (finish, fail, be cancelled, or pause for the user), for
 * wait_for_response and the live send. Driven by the event bus, never by polling.
 */
import type { Workflow } from '../../core/model';
import type { ServiceContext } from './context';

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Called on every change of the workflow while waiting (progress, status). */
  onUpdate?: ((w: Workflow) => void) | undefined;
}

export interface WaitResult {
  workflow: Workflow;
  timedOut: boolean;
}

const settled = (w: Workflow) => w.status !== 'pending' && w.status !== 'running';

export function waitForWorkflow(ctx: ServiceContext, workflowId: string, opts: WaitOptions): Promise<WaitResult> {
  const current = ctx.state.workflow(workflowId);
  if (!current) {
    return Promise.reject(new Error(`unknown workflow ${workflowId}`));
  }
  if (settled(current)) {
    return Promise.resolve({ workflow: current, timedOut: false });
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = (timedOut: boolean) => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      sub.unsubscribe();
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ workflow: ctx.state.workflow(workflowId)!, timedOut });
    };
    const onAbort = () => finish(false);
    const sub = ctx.bus.subscribe({ sessionId: current.sessionId }, (e) => {
      if (e.type !== 'workflow' || e.workflow.id !== workflowId) {
        return;
      }
      opts.onUpdate?.(e.workflow);
      if (settled(e.workflow)) {
        finish(false);
      }
    });
    const timer = setTimeout(() => finish(true), opts.timeoutMs);
    if (opts.signal?.aborted) {
      finish(false);
    } else {
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    }
  });
}
