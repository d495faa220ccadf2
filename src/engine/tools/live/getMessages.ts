import { liveInputs, liveOutputs, toLiveMessage } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';

export const getMessagesTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_get_messages',
    title: "Read a Bilt project's conversation",
    description:
      "Returns the project's conversation history, newest first: side, variant, content, time and seq (1 = oldest). " +
      'Optional limit 1–100 (default 50) and offset from the newest; total and hasMore tell whether more remain.',
    input: liveInputs.bilt_get_messages,
    output: liveOutputs.bilt_get_messages,
    annotations: { readOnlyHint: true, openWorldHint: false },
    handler: async ({ projectId, limit, offset }) => {
      const session = svc.peekSessionOfProject(projectId);
      if (!session) {
        return { projectId, messages: [], total: 0, hasMore: false };
      }
      const page = svc.messages(session.id, limit, offset);
      return { projectId, messages: page.messages.map(toLiveMessage), total: page.total, hasMore: page.hasMore };
    },
  });
