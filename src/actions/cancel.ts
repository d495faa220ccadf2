/** Cancel a project's active workflow, for good, with an optional reason kept in the log. */
import { cancelRefused } from '../core/refusals';
import { progressWords } from '../present/rows';
import type { ActionContext, Target, WriteOptions } from './context';
import { checkReason } from './inputs';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget } from './target';

export interface Cancelled {
  target: Target;
  projectName: string;
  workflowId: string | undefined;
  cancelledAt: string;
}

export interface CancelOptions extends WriteOptions {
  reason?: string | undefined;
}

export function cancelWorkflow(ctx: ActionContext, target: Target, o: CancelOptions = {}): Promise<Outcome<Cancelled>> {
  return settle(o.signal, async () => {
    const reason = checkReason(o.reason || undefined);
    const loaded = await loadTarget(ctx, target);
    const refusal = cancelRefused(loaded.latest);
    if (refusal || !loaded.latest) {
      return refused(refusal!);
    }
    if (!o.confirmed) {
      const progress = progressWords(loaded.latest);
      return {
        kind: 'confirm',
        title: `Cancel the workflow of ${loaded.projectName}?`,
        message:
          `Cancel the ${loaded.latest.status} workflow of ${loaded.projectName}${progress ? ` (${progress})` : ''}? ` +
          'This cannot be undone; a cancelled workflow cannot be resumed.' +
          (reason ? `\n\nReason: ${reason}` : ''),
        destructive: true,
      };
    }
    const client = await ctx.store.client(target.serverId, o.signal);
    const r = await client.backend.cancel(loaded.ref, reason, { signal: o.signal });
    ctx.store.afterAction(target.serverId, loaded.ref);
    return done({ target, projectName: loaded.projectName, workflowId: r.workflowId, cancelledAt: r.cancelledAt });
  });
}
