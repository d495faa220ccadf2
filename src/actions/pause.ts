/**
 * Pause a project's running work, to continue it later with resume (servers that can: a Session API
 * gateway, capabilities.pause). The work is frozen, not cancelled.
 */
import { BiltError } from '../core/errors';
import type { WorkflowStatus } from '../core/status';
import type { ActionContext, Target, WriteOptions } from './context';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget } from './target';

export interface Paused {
  target: Target;
  projectName: string;
  workflowId: string;
  status: WorkflowStatus;
}

export function pauseWorkflow(ctx: ActionContext, target: Target, o: WriteOptions = {}): Promise<Outcome<Paused>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const client = await ctx.store.client(target.serverId, o.signal);
    if (!client.backend.capabilities.pause || !client.backend.pause) {
      return refused(
        new BiltError('unsupported', 'Cannot pause workflow', {
          message: `${loaded.serverLabel} cannot pause running work; cancel it instead`,
        }),
      );
    }
    const latest = loaded.latest;
    if (!latest || latest.status !== 'running') {
      return refused(
        new BiltError('illegal_state', 'Cannot pause workflow', {
          current_status: latest?.status ?? 'idle',
          message: 'Only a running workflow can be paused',
        }),
      );
    }
    if (!o.confirmed) {
      return {
        kind: 'confirm',
        title: `Pause the workflow of ${loaded.projectName}?`,
        message: `The running work of ${loaded.projectName} is frozen until you resume it.`,
        destructive: false,
      };
    }
    const status = await client.backend.pause(loaded.ref, { signal: o.signal });
    ctx.store.afterAction(target.serverId, loaded.ref);
    return done({ target, projectName: loaded.projectName, workflowId: latest.id, status });
  });
}
