import { seedInputs, seedOutputs, toSeedPause, toSeedProgress } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { waitWithProgress } from '../waitWithProgress';

export const sendMessageTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_send_message',
    title: 'Send an instruction to Bilt',
    description:
      'Starts a workflow in a session with a natural-language instruction (1–5000 characters), e.g. "Add a login ' +
      'screen" or "Deploy to production". One workflow per session at a time: if one is pending, running or paused ' +
      'this fails with "A workflow is already in progress". wait_for_response=false (default) returns at once; ' +
      'true blocks until the workflow ends or pauses (up to 5 minutes), then returns its status. 100 messages per hour per project.',
    input: seedInputs.bilt_send_message,
    output: seedOutputs.bilt_send_message,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
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
