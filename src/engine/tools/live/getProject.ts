import { liveInputs, liveOutputs, toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getProjectTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_project',
    title: 'Get a Bilt project',
    description: 'Returns one project by projectId, with its projectUrl.',
    input: liveInputs.bilt_get_project,
    output: liveOutputs.bilt_get_project,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async ({ projectId }) => toLiveProject(svc.getProject(projectId), svc.projectUrl(projectId)),
  });
