import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const createProjectTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_create_project'),
    handler: async ({ name, description, visibility }) =>
      toSeedProject(
        await svc.createProject({ name, description, visibility: visibility === 'PRIVATE' ? 'private' : 'public' }),
      ),
  });
