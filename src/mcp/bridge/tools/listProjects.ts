import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const listProjectsTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_list_projects'),
    handler: async ({ limit, offset }, extra) => {
      const client = await ctx.client(extra.signal);
      const all = (await client.backend.listProjects({ signal: extra.signal })).map(toSeedProject);
      if (limit === undefined && offset === undefined) {
        return { projects: all };
      }
      const from = offset ?? 0;
      const projects = all.slice(from, limit === undefined ? undefined : from + limit);
      return { projects, total: all.length, has_more: from + projects.length < all.length };
    },
  });
