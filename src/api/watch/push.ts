/**
 * The push side of watchSession: the engine's /events stream for one session. The stream is opened
 * before the state is read, so nothing falls between; reconnects resume with Last-Event-ID; a gap in
 * message seqs or a `reset` triggers an incremental catch-up.
 */
import { z } from 'zod';
import { Message, Session, Workflow } from '../../core/model';
import { abortableSleep } from '../http/sleep';
import { readEvents } from './sse';
import { asBiltError, type WatchState } from './state';

const WorkflowEvent = z.object({ workflow: Workflow, session: Session });
const SessionEvent = z.object({ session: Session });
const MessageEvent = z.object({ message: Message });

export async function pushLoop(
  st: WatchState,
  events: { url: string; token: string | undefined },
  maxBackoffMs: number,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void> = abortableSleep,
): Promise<void> {
  const url = `${events.url}?session_id=${encodeURIComponent(st.ref.sessionId)}`;
  let lastEventId: string | undefined;
  for (let failures = 0; !signal.aborted;) {
    try {
      let synced = false;
      for await (const e of readEvents(url, events.token, lastEventId, signal)) {
        if (e.id) {
          lastEventId = e.id;
        }
        if (e.event === 'ready' && !synced) {
          await st.sync(signal);
          synced = true;
          failures = 0;
        } else if (e.event === 'reset') {
          await st.sync(signal);
        } else if (e.event === 'workflow') {
          const { workflow, session } = WorkflowEvent.parse(JSON.parse(e.data));
          const others = (st.view?.workflows ?? []).filter((w) => w.id !== workflow.id);
          st.emitView({
            session,
            workflows: [workflow, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
          });
        } else if (e.event === 'session') {
          const { session } = SessionEvent.parse(JSON.parse(e.data));
          st.emitView({ session, workflows: st.view?.workflows ?? [] });
        } else if (e.event === 'message') {
          const { message } = MessageEvent.parse(JSON.parse(e.data));
          if (st.lastSeq === undefined || message.seq <= st.lastSeq) {
            continue;
          }
          if (message.seq === st.lastSeq + 1) {
            st.deliver([message]);
          } else {
            await st.catchUp(message.seq, signal);
          } // a gap: fetch what is missing
        }
      }
      if (signal.aborted) {
        return;
      }
      throw new Error('the event stream closed');
    } catch (e) {
      if (signal.aborted) {
        return;
      }
      failures++;
      const wait = Math.min(maxBackoffMs, 500 * 2 ** failures);
      st.out.push({ type: 'error', error: asBiltError(e), retryInMs: wait });
      await sleep(wait, signal).catch(() => undefined);
    }
  }
}
