import { toSeedProject } from '../../../core/contract/seed';
import { BiltError } from '../../../core/errors';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const createProjectTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_create_project'),
    handler: async ({ name, description, visibility }, extra) => {
      const client = await ctx.client(extra.signal);
      if (visibility === 'PRIVATE' && !client.backend.capabilities.visibility) {
        throw new BiltError('invalid_input', 'Invalid request body', {
          field: 'visibility',
          message: 'this Bilt server does not let you choose the visibility; omit it',
        });
      }
      const p = await client.backend.createProject(
        {
          name,
          description,
          ...(visibility ? { visibility: visibility === 'PRIVATE' ? ('private' as const) : ('public' as const) } : {}),
        },
        { signal: extra.signal },
      );
      return toSeedProject(p);
    },
  });
