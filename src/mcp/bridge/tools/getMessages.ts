import { seedInputs, seedOutputs, toSeedMessage } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';

export const getMessagesTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_get_messages',
    title: "Read a Bilt session's messages",
    description:
      "Returns a page of the session's messages, newest first: side (user or ai), variant (info, log, success, " +
      'error), text, time and seq (1 = oldest). limit 1–100 (default 50), offset from the newest (default 0); total ' +
      'and has_more tell whether older ones remain. The deployment URL appears in a success message.',
    input: seedInputs.bilt_get_messages,
    output: seedOutputs.bilt_get_messages,
    annotations: { readOnlyHint: true, openWorldHint: true },
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
