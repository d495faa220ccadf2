import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const getProjectTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_get_project'),
    handler: async ({ project_id }) => toSeedProject(svc.getProject(project_id)),
  });
