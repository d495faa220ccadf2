import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const cancelWorkflowTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_cancel_workflow'),
    handler: async ({ session_id, reason }, extra) => {
      const client = await ctx.client(extra.signal);
      const ref = await ctx.sessions.ref(client, session_id, extra.signal);
      const r = await client.backend.cancel(ref, reason, { signal: extra.signal });
      return {
        session_id,
        status: 'cancelled' as const,
        cancelled_at: r.cancelledAt,
        message: reason ? `Workflow cancelled: ${reason}` : 'Workflow cancelled',
        ...(r.workflowId ? { workflow_id: r.workflowId } : {}),
      };
    },
  });
