import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const cancelWorkflowTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_cancel_workflow'),
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
