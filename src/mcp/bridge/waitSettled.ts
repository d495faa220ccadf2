/**
 * wait_for_response over any upstream: the actions' one wait (src/actions/wait.ts), with the workflow's
 * progress forwarded as MCP progress notifications (which must only increase). When the upstream is
 * the local engine and its watch fails (the engine was killed: the event stream breaks at once), the
 * wait does not sit out its time limit on a dead connection: it connects afresh (the engine found, or
 * started, again), and goes on watching there, so the answer is what the restarted engine says (a
 * workflow it found running is failed as interrupted). Out of time while disconnected: the error.
 */
import type { SessionRef } from '../../api/backend';
import { abortableSleep } from '../../api/http/sleep';
import { waitForWorkflow, type WaitResult } from '../../actions/wait';
import type { ToolExtra } from '../kit/tool';
import type { BridgeContext, UpstreamClient } from './context';

const RECONNECT_GAPS_MS = [0, 250, 500, 1000, 2000];

export async function waitSettled(
  ctx: BridgeContext,
  client: UpstreamClient,
  ref: SessionRef,
  workflowId: string,
  extra: ToolExtra,
): Promise<WaitResult> {
  const deadline = Date.now() + ctx.waitTimeoutMs;
  let last = -1;
  let current = client;
  let before: WaitResult | undefined;
  for (;;) {
    const r = await waitForWorkflow(current, ref, workflowId, {
      signal: extra.signal,
      timeoutMs: Math.max(0, deadline - Date.now()),
      onUpdate: (w) => {
        const pct = w.progress?.percentage ?? 0;
        if (pct > last) {
          last = pct;
          void extra.progress({ progress: pct, total: 100, message: w.progress?.currentStep ?? w.status });
        }
      },
      ...(ctx.reconnects ? { endOnError: (e) => e.code === 'unavailable' } : {}),
    });
    if (r.ended !== 'lost') {
      return { ...r, workflow: r.workflow ?? before?.workflow, view: r.view ?? before?.view };
    }
    before = { ...r, workflow: r.workflow ?? before?.workflow, view: r.view ?? before?.view };
    ctx.log(`the upstream went away while waiting (${r.error?.message ?? 'no reason'}); connecting again`);
    current = await reconnect(ctx, deadline, extra.signal);
  }
}

/** Connects afresh until it works, the caller stops, or the wait's time is up (then the last error). */
async function reconnect(ctx: BridgeContext, deadline: number, signal: AbortSignal): Promise<UpstreamClient> {
  for (let attempt = 0; ; attempt++) {
    await ctx.reset();
    try {
      return await ctx.client(signal);
    } catch (e) {
      const gap = RECONNECT_GAPS_MS[Math.min(attempt + 1, RECONNECT_GAPS_MS.length - 1)]!;
      if (signal.aborted || Date.now() + gap >= deadline) {
        throw e;
      }
      await abortableSleep(gap, signal);
    }
  }
}
