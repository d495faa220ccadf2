import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_list_projects',
    title: 'List Bilt projects',
    description: 'Lists every project of the account, newest first. Use it to find a project_id; no pagination.',
    input: seedInputs.bilt_list_projects,
    output: seedOutputs.bilt_list_projects,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async () => ({ projects: svc.listProjects().map(toSeedProject) }),
  });
