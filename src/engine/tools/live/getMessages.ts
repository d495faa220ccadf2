import { toLiveMessage } from '../../../core/contract/live';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { liveToolSpec } from '../../../core/contract/liveTools';

export const getMessagesTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_get_messages'),
    handler: async ({ projectId, limit, offset }) => {
      const session = svc.peekSessionOfProject(projectId);
      if (!session) {
        return { projectId, messages: [], total: 0, hasMore: false };
      }
      const page = svc.messages(session.id, limit, offset);
      return { projectId, messages: page.messages.map(toLiveMessage), total: page.total, hasMore: page.hasMore };
    },
  });
