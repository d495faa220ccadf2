import { toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_list_projects'),
    handler: async ({ limit, offset }) => {
      const page = svc.projectsPage(limit, offset);
      const projects = page.projects.map((p) => toLiveProject(p, svc.projectUrl(p.id)));
      return limit === undefined && offset === undefined
        ? { projects }
        : { projects, total: page.total, hasMore: page.hasMore };
    },
  });
