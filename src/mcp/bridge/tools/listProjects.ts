import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const listProjectsTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_list_projects'),
    handler: async (_input, extra) => {
      const client = await ctx.client(extra.signal);
      return { projects: (await client.backend.listProjects({ signal: extra.signal })).map(toSeedProject) };
    },
  });
