import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';

export const listProjectsTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_list_projects',
    title: 'List Bilt projects',
    description: 'Lists every Bilt project of the signed-in account. Use it to find a project_id.',
    input: seedInputs.bilt_list_projects,
    output: seedOutputs.bilt_list_projects,
    annotations: { readOnlyHint: true, openWorldHint: true },
    handler: async (_input, extra) => {
      const client = await ctx.client(extra.signal);
      return { projects: (await client.backend.listProjects({ signal: extra.signal })).map(toSeedProject) };
    },
  });
