import { toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const getProjectTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_get_project'),
    handler: async ({ projectId }) => toLiveProject(svc.getProject(projectId), svc.projectUrl(projectId)),
  });
