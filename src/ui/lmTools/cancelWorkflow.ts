import { BiltError } from '../../core/errors';
import { cancelConfirmation } from '../../present/decisions';
import type { AgentTool } from './tool';
import { projectOf } from './tool';

export const cancelWorkflow: AgentTool<'bilt_cancelWorkflow'> = {
  name: 'bilt_cancelWorkflow',
  running: (i) => `Cancelling the Bilt workflow of ${i.project ?? 'the project'}`,
  confirm: (i, d) => {
    const p = projectOf(d, i.project);
    const c = cancelConfirmation(p.entry.project.name, p.entry.session?.workflows[0]);
    return {
      title: `Cancel the workflow of ${p.entry.project.name}? (destructive)`,
      message: `${c.message ?? c.refusal ?? ''}${i.reason ? `\n\nReason: ${i.reason}` : ''}`,
    };
  },
  invoke: async (i, d, signal) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const c = cancelConfirmation(p.entry.project.name, view.workflows[0]);
    if (c.refusal) {
      throw new BiltError('illegal_state', 'Cannot cancel workflow', {
        current_status: view.session.status,
        message: c.refusal,
      });
    }
    const client = await d.store.client(p.serverId, signal);
    const ref = { sessionId: view.session.id, projectId: p.entry.project.id };
    const r = await client.backend.cancel(ref, i.reason, { signal });
    d.store.afterAction(p.serverId, ref);
    return JSON.stringify({ cancelled: true, workflowId: r.workflowId, cancelledAt: r.cancelledAt });
  },
};
