/**
 * wait_for_response over any upstream: watches the session (push or polling, within the request
 * budget) until the workflow completes, fails, is cancelled or pauses, forwarding its progress as MCP
 * progress notifications; stops at the time limit or when the agent cancels the call.
 */
import type { Workflow } from '../../core/model';
import type { SessionRef, SessionView } from '../../api/backend';
import type { ToolExtra } from '../kit/tool';
import type { UpstreamClient } from './context';

const settled = (w: Workflow | undefined) => w !== undefined && w.status !== 'pending' && w.status !== 'running';

export async function waitSettled(
  client: UpstreamClient,
  ref: SessionRef,
  workflowId: string,
  timeoutMs: number,
  extra: ToolExtra,
): Promise<{ view: SessionView | undefined; timedOut: boolean }> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  const signal = AbortSignal.any([stop.signal, extra.signal]);
  let view: SessionView | undefined;
  let last = -1;
  try {
    for await (const e of client.watch(ref, { signal, activeMs: 2000, idleMs: 2000 })) {
      if (e.type !== 'session') {
        continue;
      }
      view = e.view;
      const w = e.view.workflows.find((x) => x.id === workflowId);
      const pct = w?.progress?.percentage ?? 0;
      if (pct > last) {
        last = pct;
        void extra.progress({ progress: pct, total: 100, message: w?.progress?.currentStep ?? w?.status ?? 'waiting' });
      }
      if (settled(w)) {
        return { view, timedOut: false };
      }
    }
  } finally {
    clearTimeout(timer);
    stop.abort();
  }
  return { view, timedOut: stop.signal.aborted && !extra.signal.aborted };
}
