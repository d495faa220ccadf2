import { mapDone } from '../../actions/outcome';
import { resumeWorkflow as resume } from '../../actions/resume';
import { onProject } from '../../actions/target';
import { afterWaiting } from './results';
import type { AgentTool } from './tool';

export const resumeWorkflow: AgentTool<'bilt_resumeWorkflow'> = {
  name: 'bilt_resumeWorkflow',
  running: (i) => `Resuming the Bilt workflow of ${i.project ?? 'the project'}`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) =>
      mapDone(await resume(ctx, target, o), (resumed) =>
        afterWaiting(ctx, resumed, i.wait, o.signal, { resumed: true, status: resumed.status }),
      ),
    ),
};
