import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getProjectTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_project',
    title: 'Get a Bilt project',
    description: 'Returns one project (name, description, visibility, times) by project_id.',
    input: seedInputs.bilt_get_project,
    output: seedOutputs.bilt_get_project,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async ({ project_id }) => toSeedProject(svc.getProject(project_id)),
  });
