import { liveInputs, liveOutputs } from '../../../core/contract/live';
import { BiltError } from '../../../core/errors';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const cancelWorkflowTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_cancel_workflow',
    title: "Cancel a Bilt project's active workflow",
    description:
      "Cancels the project's active (queued, running or paused) workflow; it cannot be resumed afterwards. " +
      'Optional reason up to 500 characters.',
    input: liveInputs.bilt_cancel_workflow,
    output: liveOutputs.bilt_cancel_workflow,
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    handler: async ({ projectId, reason }) => {
      const session = svc.peekSessionOfProject(projectId);
      if (!session) {
        throw new BiltError('illegal_state', 'Cannot cancel workflow', {
          current_status: 'idle',
          message: 'No workflow is running',
        });
      }
      const w = await svc.cancel(session.id, reason);
      return {
        projectId,
        workflowId: w.id,
        status: 'cancelled' as const,
        cancelledAt: w.endedAt ?? w.updatedAt,
        message: reason ? `Workflow cancelled: ${reason}` : 'Workflow cancelled',
      };
    },
  });
