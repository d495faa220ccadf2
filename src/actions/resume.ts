/**
 * Resume a project's paused workflow, or run an interrupted one again. A workflow waiting for answers is
 * refused with the engine's "answers is required" error (field `answers`): answer it instead.
 */
import { resumeRefused } from '../core/refusals';
import type { WorkflowStatus } from '../core/status';
import type { ActionContext, Target, WriteOptions } from './context';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget } from './target';

export interface Resumed {
  target: Target;
  projectName: string;
  sessionId: string;
  workflowId: string;
  status: WorkflowStatus;
}

/** True when a refusal means "answer the questions instead" (a command can offer that). */
export const needsAnswers = (o: Outcome<unknown>) => o.kind === 'refused' && o.error.details['field'] === 'answers';

export function resumeWorkflow(ctx: ActionContext, target: Target, o: WriteOptions = {}): Promise<Outcome<Resumed>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const refusal = resumeRefused(loaded.latest);
    if (refusal || !loaded.latest) {
      return refused(refusal!);
    }
    const workflowId = loaded.latest.id;
    if (!o.confirmed) {
      const rerun = loaded.latest.status === 'failed';
      return {
        kind: 'confirm',
        title: `${rerun ? 'Run again' : 'Resume'} the workflow of ${loaded.projectName}?`,
        message: rerun
          ? `The workflow of ${loaded.projectName} was interrupted; it runs again from the start.`
          : `Continue the paused workflow of ${loaded.projectName}.`,
        destructive: false,
      };
    }
    const client = await ctx.store.client(target.serverId, o.signal);
    const status = await client.backend.resume(loaded.ref, { signal: o.signal });
    ctx.store.afterAction(target.serverId, loaded.ref);
    return done({ target, projectName: loaded.projectName, sessionId: loaded.ref.sessionId, workflowId, status });
  });
}
