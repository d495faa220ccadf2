import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_list_projects'),
    handler: async () => ({ projects: svc.listProjects().map(toSeedProject) }),
  });
