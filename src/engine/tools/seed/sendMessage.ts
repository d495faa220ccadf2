import { toSeedPause, toSeedProgress } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { waitWithProgress } from '../waitWithProgress';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const sendMessageTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_send_message'),
    handler: async ({ session_id, message, wait_for_response }, extra) => {
      let w = await svc.sendMessage(session_id, message);
      let timedOut = false;
      if (wait_for_response) {
        ({ workflow: w, timedOut } = await waitWithProgress(svc, w.id, extra));
      }
      const progress = toSeedProgress(w.progress);
      const pause = w.status === 'paused' ? toSeedPause(w.pause) : undefined;
      return {
        session_id,
        workflow_started: true,
        subscriber_count: svc.subscriberCount(session_id),
        workflow_id: w.id,
        status: w.status,
        ...(progress ? { progress } : {}),
        ...(pause ? { pause } : {}),
        ...(w.result?.url ? { result_url: w.result.url } : {}),
        ...(wait_for_response ? { timed_out: timedOut } : {}),
      };
    },
  });
