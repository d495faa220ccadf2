import { toSeedSession } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const getSessionTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_get_session'),
    handler: async ({ session_id, project_id }) => {
      const s = await svc.findSession({ sessionId: session_id, projectId: project_id });
      return toSeedSession(s, svc.latestWorkflow(s.id), svc.workflows(s.id));
    },
  });
