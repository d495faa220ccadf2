import { liveInputs, liveOutputs, toLiveSessionStatus, toLiveWorkflow } from '../../../core/contract/live';
import { isActive } from '../../../core/status';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getSessionTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_session',
    title: "Get a Bilt project's session",
    description:
      "Returns the project's session state, its workflows (latest first) and hasActiveWorkflows. Queued, running and " +
      'paused workflows count as active: before sending unrelated work, wait until hasActiveWorkflows is false.',
    input: liveInputs.bilt_get_session,
    output: liveOutputs.bilt_get_session,
    annotations: { readOnlyHint: true, openWorldHint: false },
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
