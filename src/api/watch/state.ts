/** What the poll and push loops share: the last view delivered and the last message seq delivered. */
import { BiltError, isBiltError } from '../../core/errors';
import type { Message } from '../../core/model';
import type { BiltBackend, SessionRef, SessionView } from '../backend';
import { fetchNewMessages } from './catchUp';
import type { Channel } from './channel';
import type { WatchEvent } from './watch';

export class WatchState {
  view: SessionView | undefined;
  lastSeq: number | undefined;
  constructor(
    readonly backend: BiltBackend,
    readonly ref: SessionRef,
    readonly out: Channel<WatchEvent>,
    fromSeq: number | undefined,
  ) {
    this.lastSeq = fromSeq;
  }

  emitView(v: SessionView): void {
    const prev = this.view;
    this.view = v;
    const sig = (x: SessionView) =>
      JSON.stringify([
        x.session.status,
        x.session.progress,
        x.session.workflowId,
        x.workflows[0]?.status,
        x.workflows[0]?.pause,
        x.workflows.length,
      ]);
    if (!prev || sig(prev) !== sig(v)) {
      this.out.push({ type: 'session', view: v });
    }
  }

  /** Reads and delivers what is new after lastSeq (the first call only learns where "now" is). */
  async catchUp(knownTotal: number | undefined, signal: AbortSignal): Promise<void> {
    if (this.lastSeq === undefined) {
      const total = knownTotal ?? (await this.backend.getMessages(this.ref, { limit: 1 }, { signal })).total;
      this.lastSeq = total;
      return;
    }
    const r = await fetchNewMessages(this.backend, this.ref, this.lastSeq, knownTotal, signal);
    this.deliver(r.messages);
  }

  deliver(messages: Message[]): void {
    const fresh = messages.filter((m) => m.seq > (this.lastSeq ?? 0));
    if (fresh.length === 0) {
      return;
    }
    this.lastSeq = fresh[fresh.length - 1]!.seq;
    this.out.push({ type: 'messages', messages: fresh });
  }

  async sync(signal: AbortSignal): Promise<void> {
    const v = await this.backend.getSession(
      { sessionId: this.ref.sessionId, projectId: this.ref.projectId },
      { signal },
    );
    this.emitView(v);
    await this.catchUp(v.session.messageCount > 0 ? v.session.messageCount : undefined, signal);
  }
}

export const asBiltError = (e: unknown): BiltError =>
  isBiltError(e) ? e : new BiltError('unavailable', e instanceof Error ? e.message : String(e));
