import { toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_list_projects'),
    handler: async () => ({ projects: svc.listProjects().map((p) => toLiveProject(p, svc.projectUrl(p.id))) }),
  });
