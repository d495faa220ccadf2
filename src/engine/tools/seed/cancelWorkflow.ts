import { seedInputs, seedOutputs } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const cancelWorkflowTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_cancel_workflow',
    title: 'Cancel a Bilt workflow',
    description:
      "Stops the session's running, paused or pending workflow immediately; this cannot be undone and a cancelled " +
      'workflow is never resumed (send a new message instead). Completed, failed and cancelled workflows cannot be ' +
      'cancelled. reason (up to 500 characters) is kept in the log. Ask the user first when the build is far along.',
    input: seedInputs.bilt_cancel_workflow,
    output: seedOutputs.bilt_cancel_workflow,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    handler: async ({ session_id, reason }) => {
      const w = await svc.cancel(session_id, reason);
      return {
        session_id,
        status: 'cancelled' as const,
        cancelled_at: w.endedAt ?? w.updatedAt,
        message: reason ? `Workflow cancelled: ${reason}` : 'Workflow cancelled',
        workflow_id: w.id,
      };
    },
  });
