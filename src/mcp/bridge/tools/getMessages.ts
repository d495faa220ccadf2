import { toSeedMessage } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const getMessagesTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_get_messages'),
    handler: async ({ session_id, limit, offset }, extra) => {
      const client = await ctx.client(extra.signal);
      const ref = await ctx.sessions.ref(client, session_id, extra.signal);
      const page = await client.backend.getMessages(
        ref,
        { limit: limit ?? 50, offset: offset ?? 0 },
        { signal: extra.signal },
      );
      return { messages: page.messages.map(toSeedMessage), total: page.total, has_more: page.hasMore };
    },
  });
