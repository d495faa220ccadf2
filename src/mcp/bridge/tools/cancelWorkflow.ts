import { seedInputs, seedOutputs } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';

export const cancelWorkflowTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_cancel_workflow',
    title: 'Cancel a Bilt workflow',
    description:
      "Stops the session's running, paused or pending workflow at once; it cannot be undone or resumed (send a new " +
      'message instead). Completed, failed and cancelled workflows cannot be cancelled. reason (up to 500 ' +
      'characters) is kept in the log. Ask the user first when the build is far along.',
    input: seedInputs.bilt_cancel_workflow,
    output: seedOutputs.bilt_cancel_workflow,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
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
