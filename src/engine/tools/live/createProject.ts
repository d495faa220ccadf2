import { toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const createProjectTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_create_project'),
    handler: async ({ name, description }) => {
      const p = await svc.createProject({ name, description });
      return toLiveProject(p, svc.projectUrl(p.id));
    },
  });
