import { cancelWorkflow as cancel } from '../../actions/cancel';
import { mapDone } from '../../actions/outcome';
import { onProject } from '../../actions/target';
import type { AgentTool } from './tool';

export const cancelWorkflow: AgentTool<'bilt_cancelWorkflow'> = {
  name: 'bilt_cancelWorkflow',
  running: (i) => `Cancelling the Bilt workflow of ${i.project ?? 'the project'}`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) =>
      mapDone(await cancel(ctx, target, { ...o, reason: i.reason }), (c) => ({
        cancelled: true,
        workflowId: c.workflowId,
        cancelledAt: c.cancelledAt,
      })),
    ),
};
