/** What the model reads back from a tool: workflows as plain objects, and the final state when it asked to wait. */
import type { ActionContext, Target } from '../../actions/context';
import { waitForWorkflow } from '../../actions/wait';
import type { Workflow } from '../../core/model';

export const workflowSummary = (w: Workflow) => ({
  id: w.id,
  status: w.status,
  message: w.message,
  progress: w.progress,
  ...(w.pause ? { pause: w.pause } : {}),
  resultUrl: w.result?.url,
  error: w.error,
});

interface Started {
  target: Target;
  sessionId: string;
  workflowId: string;
}

/** `result` as it is, or, when the model asked to wait, with how the workflow ended. */
export async function afterWaiting(
  ctx: ActionContext,
  started: Started,
  wait: boolean | undefined,
  signal: AbortSignal | undefined,
  result: object,
): Promise<object> {
  if (!wait) {
    return result;
  }
  const client = await ctx.store.client(started.target.serverId, signal);
  const ref = { sessionId: started.sessionId, projectId: started.target.projectId };
  const r = await waitForWorkflow(client, ref, started.workflowId, { signal });
  return { ...result, waited: r.ended, workflow: r.workflow && workflowSummary(r.workflow) };
}
