/**
 * wait_for_response over any upstream: the actions' one wait (src/actions/wait.ts), with the workflow's
 * progress forwarded as MCP progress notifications (which must only increase).
 */
import type { SessionRef } from '../../api/backend';
import { waitForWorkflow, type WaitResult } from '../../actions/wait';
import type { ToolExtra } from '../kit/tool';
import type { UpstreamClient } from './context';

export function waitSettled(
  client: UpstreamClient,
  ref: SessionRef,
  workflowId: string,
  timeoutMs: number,
  extra: ToolExtra,
): Promise<WaitResult> {
  let last = -1;
  return waitForWorkflow(client, ref, workflowId, {
    signal: extra.signal,
    timeoutMs,
    onUpdate: (w) => {
      const pct = w.progress?.percentage ?? 0;
      if (pct > last) {
        last = pct;
        void extra.progress({ progress: pct, total: 100, message: w.progress?.currentStep ?? w.status });
      }
    },
  });
}
