/** Send an instruction to a project: it starts a workflow, one at a time per session. */
import type { WorkflowStatus } from '../core/status';
import { sendRefused } from '../core/refusals';
import type { ActionContext, ActionOptions, Target, WriteOptions } from './context';
import { checkMessage } from './inputs';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget, type Loaded } from './target';

export interface Sent {
  target: Target;
  projectName: string;
  sessionId: string;
  workflowId: string;
  status: WorkflowStatus;
}

/** Whether the project takes a message now (asked before a person types one). */
export function checkSend(ctx: ActionContext, target: Target, o: ActionOptions = {}): Promise<Outcome<Loaded>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const busy = sendRefused(loaded.latest);
    return busy ? refused(busy) : done(loaded);
  });
}

export function sendMessage(
  ctx: ActionContext,
  target: Target,
  message: string,
  o: WriteOptions = {},
): Promise<Outcome<Sent>> {
  return settle(o.signal, async () => {
    const text = checkMessage(message);
    const loaded = await loadTarget(ctx, target);
    const busy = sendRefused(loaded.latest);
    if (busy) {
      return refused(busy);
    }
    if (!o.confirmed) {
      return {
        kind: 'confirm',
        title: `Send to the Bilt project ${loaded.projectName}?`,
        message: `This starts a Bilt workflow in ${loaded.projectName} with:`,
        quote: text,
        destructive: false,
      };
    }
    const client = await ctx.store.client(target.serverId, o.signal);
    const sent = await client.backend.sendMessage(loaded.ref, text, { signal: o.signal });
    ctx.store.afterAction(target.serverId, loaded.ref);
    return done({
      target,
      projectName: loaded.projectName,
      sessionId: sent.sessionId,
      workflowId: sent.workflowId,
      status: sent.status,
    });
  });
}
