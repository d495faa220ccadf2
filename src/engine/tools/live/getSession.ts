import { toLiveSessionStatus, toLiveWorkflow } from '../../../core/contract/live';
import { isActive } from '../../../core/status';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const getSessionTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_get_session'),
    handler: async ({ projectId }) => {
      const s = await svc.sessionOfProject(projectId);
      const workflows = svc.workflows(s.id);
      return {
        projectId,
        sessionId: s.id,
        status: toLiveSessionStatus(s.status),
        // paused counts too: it holds the session until answered or cancelled (docs/CONTRACT.md)
        hasActiveWorkflows: workflows.some((w) => isActive(w.status)),
        workflows: workflows.map(toLiveWorkflow),
        projectUrl: svc.projectUrl(projectId),
        updatedAt: s.updatedAt,
      };
    },
  });
