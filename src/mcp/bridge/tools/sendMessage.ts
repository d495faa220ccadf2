import { seedInputs, seedOutputs, toSeedPause, toSeedProgress } from '../../../core/contract/seed';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { waitSettled } from '../waitSettled';

export const sendMessageTool = (ctx: BridgeContext) =>
  defineTool({
    name: 'bilt_send_message',
    title: 'Send an instruction to Bilt',
    description:
      'Starts a Bilt workflow in a session with a natural-language instruction (1–5000 characters), e.g. "Add a ' +
      'login screen" or "Deploy to production". One workflow per session at a time. wait_for_response=false ' +
      '(default) returns at once with the workflow_id; true waits until the workflow ends or needs the user (up to 5 ' +
      'minutes), reporting progress, then returns its status. 100 messages per hour per project.',
    input: seedInputs.bilt_send_message,
    output: seedOutputs.bilt_send_message,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    handler: async ({ session_id, message, wait_for_response }, extra) => {
      const client = await ctx.client(extra.signal);
      const ref = await ctx.sessions.ref(client, session_id, extra.signal);
      const sent = await client.backend.sendMessage(ref, message, { signal: extra.signal });
      let status = sent.status;
      let workflow = sent.workflow;
      let timedOut = false;
      if (wait_for_response) {
        const r = await waitSettled(client, ref, sent.workflowId, ctx.waitTimeoutMs, extra);
        workflow = r.view?.workflows.find((w) => w.id === sent.workflowId) ?? workflow;
        status = workflow?.status ?? status;
        timedOut = r.timedOut;
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
