import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_list_projects'),
    handler: async ({ limit, offset }) => {
      const page = svc.projectsPage(limit, offset);
      const projects = page.projects.map(toSeedProject);
      // the seed's shape for callers that do not page; the page's facts for those that do
      return limit === undefined && offset === undefined
        ? { projects }
        : { projects, total: page.total, has_more: page.hasMore };
    },
  });
