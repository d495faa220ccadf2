import { seedInputs, seedOutputs, toSeedProject } from '../../../core/contract/seed';
import { BiltError } from '../../../core/errors';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';

export const createProjectTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_create_project',
    title: 'Create a Bilt project',
    description:
      'Creates a Bilt project. name: unique, up to 255 letters, digits, hyphens and underscores; description up to ' +
      '1000 characters; visibility PUBLIC (default) or PRIVATE. Limited to 10 per hour. Then call bilt_get_session with its id.',
    input: seedInputs.bilt_create_project,
    output: seedOutputs.bilt_create_project,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
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
