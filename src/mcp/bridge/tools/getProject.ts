import { toSeedProject } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const getProjectTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_get_project'),
    handler: async ({ project_id }, extra) => {
      const client = await ctx.client(extra.signal);
      return toSeedProject(await client.backend.getProject(project_id, { signal: extra.signal }));
    },
  });
