import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';

export const getProjectTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_get_project',
    title: 'Get a Bilt project',
    description: 'Returns one Bilt project (name, description, visibility, times) by project_id.',
    input: seedInputs.bilt_get_project,
    output: seedOutputs.bilt_get_project,
    annotations: { readOnlyHint: true, openWorldHint: true },
    handler: async ({ project_id }, extra) => {
      const client = await ctx.client(extra.signal);
      return toSeedProject(await client.backend.getProject(project_id, { signal: extra.signal }));
    },
  });
