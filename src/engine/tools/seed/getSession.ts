import { seedInputs, seedOutputs, toSeedSession } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getSessionTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_session',
    title: 'Get a Bilt session',
    description:
      'Returns a session: status (idle, pending, running, paused, completed, failed, cancelled), progress ' +
      "(percentage, current_step) and recent workflows. With project_id: that project's current session (created " +
      'idle on first use). With session_id: that session. With neither: the most recent session. Call it to get the ' +
      'session_id before bilt_send_message, and to monitor progress (every 2–5 seconds, not faster).',
    input: seedInputs.bilt_get_session,
    output: seedOutputs.bilt_get_session,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async ({ session_id, project_id }) => {
      const s = await svc.findSession({ sessionId: session_id, projectId: project_id });
      return toSeedSession(s, svc.latestWorkflow(s.id), svc.workflows(s.id));
    },
  });
