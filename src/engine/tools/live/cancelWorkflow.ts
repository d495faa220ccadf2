import { BiltError } from '../../../core/errors';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const cancelWorkflowTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_cancel_workflow'),
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
