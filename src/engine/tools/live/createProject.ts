import { liveInputs, liveOutputs, toLiveProject } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const createProjectTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_create_project',
    title: 'Create a Bilt project',
    description:
      'Creates a project (name: unique, up to 255 letters, digits, hyphens and underscores; optional description up ' +
      'to 1000 characters). Keep the returned id as projectId for the other tools.',
    input: liveInputs.bilt_create_project,
    output: liveOutputs.bilt_create_project,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    handler: async ({ name, description }) => {
      const p = await svc.createProject({ name, description });
      return toLiveProject(p, svc.projectUrl(p.id));
    },
  });
