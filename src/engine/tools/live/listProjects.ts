import { liveInputs, liveOutputs, toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const listProjectsTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_list_projects',
    title: 'List Bilt projects',
    description: "Lists the projects owned by the authenticated user, newest first. Keep a project's id as projectId.",
    input: liveInputs.bilt_list_projects,
    output: liveOutputs.bilt_list_projects,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async () => ({ projects: svc.listProjects().map((p) => toLiveProject(p, svc.projectUrl(p.id))) }),
  });
