import { toSeedMessage } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const getMessagesTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_get_messages'),
    handler: async ({ session_id, limit, offset }) => {
      const page = svc.messages(session_id, limit, offset);
      return { messages: page.messages.map(toSeedMessage), total: page.total, has_more: page.hasMore };
    },
  });
