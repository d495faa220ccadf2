import { seedInputs, seedOutputs, toSeedMessage } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getMessagesTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_messages',
    title: "Read a Bilt session's messages",
    description:
      "Returns a page of the session's messages, newest first: side (user or ai), variant (info, log, success, " +
      'error), text, time, and seq (position in the history, 1 = oldest). limit 1–100 (default 50), offset from the ' +
      'newest (default 0); total and has_more tell whether older ones remain. To read only what is new since you ' +
      'last saw total=N, fetch limit=(new total − N).',
    input: seedInputs.bilt_get_messages,
    output: seedOutputs.bilt_get_messages,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async ({ session_id, limit, offset }) => {
      const page = svc.messages(session_id, limit, offset);
      return { messages: page.messages.map(toSeedMessage), total: page.total, has_more: page.hasMore };
    },
  });
