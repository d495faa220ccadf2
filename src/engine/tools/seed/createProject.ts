import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const createProjectTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_create_project',
    title: 'Create a Bilt project',
    description:
      'Creates a project. name: unique, up to 255 letters, digits, hyphens and underscores; description up to 1000 characters; ' +
      'visibility PUBLIC (default) or PRIVATE. Limited to 10 creations per hour. Then call bilt_get_session with its id.',
    input: seedInputs.bilt_create_project,
    output: seedOutputs.bilt_create_project,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    handler: async ({ name, description, visibility }) =>
      toSeedProject(
        await svc.createProject({ name, description, visibility: visibility === 'PRIVATE' ? 'private' : 'public' }),
      ),
  });
