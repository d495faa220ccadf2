import { toSeedPause, toSeedProgress } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { waitSettled } from '../waitSettled';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const sendMessageTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_send_message'),
    handler: async ({ session_id, message, wait_for_response }, extra) => {
      const client = await ctx.client(extra.signal);
      const ref = await ctx.sessions.ref(client, session_id, extra.signal);
      const sent = await client.backend.sendMessage(ref, message, { signal: extra.signal });
      let status = sent.status;
      let workflow = sent.workflow;
      let timedOut = false;
      if (wait_for_response) {
        const r = await waitSettled(ctx, client, ref, sent.workflowId, extra);
        workflow = r.workflow ?? workflow;
        status = workflow?.status ?? status;
        timedOut = r.ended === 'timedOut';
      }
      const progress = toSeedProgress(workflow?.progress ?? null);
      const pause = status === 'paused' ? toSeedPause(workflow?.pause ?? null) : undefined;
      return {
        session_id,
        workflow_started: true,
        subscriber_count: sent.subscriberCount ?? 0,
        workflow_id: sent.workflowId,
        status,
        ...(progress ? { progress } : {}),
        ...(pause ? { pause } : {}),
        ...(workflow?.result?.url ? { result_url: workflow.result.url } : {}),
        ...(wait_for_response ? { timed_out: timedOut } : {}),
      };
    },
  });
