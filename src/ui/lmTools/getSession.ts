import { mapDone } from '../../actions/outcome';
import { readSession } from '../../actions/reads';
import { onProject } from '../../actions/target';
import { workflowSummary } from './results';
import type { AgentTool } from './tool';

/** How many recent workflows the model reads. */
const SHOWN = 5;

export const getSession: AgentTool<'bilt_getSession'> = {
  name: 'bilt_getSession',
  running: (i) => `Reading the Bilt session of ${i.project ?? 'the project'}`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) =>
      mapDone(await readSession(ctx, target, o), ({ projectName, view, latest }) => ({
        project: projectName,
        sessionId: view.session.id,
        status: view.session.status,
        progress: view.session.progress,
        ...(latest?.pause ? { pause: latest.pause } : {}),
        workflows: view.workflows.slice(0, SHOWN).map(workflowSummary),
      })),
    ),
};
