/**
 * Committed changes as a stream of events, for push clients (SSE at /events) and for in-process
 * waiters (wait_for_response). Event ids are log seqs, so a client that reconnects with Last-Event-ID
 * gets exactly what it missed from a bounded in-memory replay buffer, or a `reset` when it is too old.
 */
import type { Message, Project, Session, Workflow } from '../../core/model';

export type EngineEventData =
  | { type: 'project'; project: Project }
  | { type: 'session'; session: Session }
  | { type: 'workflow'; workflow: Workflow; session: Session }
  | { type: 'message'; message: Message }
  /** A session was deleted (Session API); `currentSession` is its project's current session now, if any. */
  | { type: 'session.deleted'; sessionId: string; projectId: string; currentSession: Session | null };

export type EngineEvent = EngineEventData & { id: number };

export interface Subscription {
  /** Events after `afterId` still in the buffer; `reset` when some were already dropped. */
  readonly replay: EngineEvent[] | 'reset';
  unsubscribe(): void;
}

interface Subscriber {
  sessionId: string | undefined;
  counted: boolean;
  listener: (e: EngineEvent) => void;
}

export function eventSessionId(e: EngineEventData): string | undefined {
  switch (e.type) {
    case 'project':
      return undefined;
    case 'session':
      return e.session.id;
    case 'workflow':
      return e.workflow.sessionId;
    case 'message':
      return e.message.sessionId;
    case 'session.deleted':
      return e.sessionId;
  }
}

export class EventBus {
  private readonly buffer: EngineEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;

  constructor(private readonly capacity = 10_000) {}

  /** Starts ids after the log's last seq so they stay monotonic across restarts. */
  setLastId(id: number): void {
    this.lastId = id;
  }

  get currentId(): number {
    return this.lastId;
  }

  publish(events: EngineEvent[]): void {
    for (const e of events) {
      this.lastId = Math.max(this.lastId, e.id);
      this.buffer.push(e);
      if (this.buffer.length > this.capacity) {
        this.buffer.shift();
      }
      for (const s of [...this.subscribers]) {
        if (s.sessionId === undefined || s.sessionId === eventSessionId(e)) {
          s.listener(e);
        }
      }
    }
  }

  /**
   * `counted` subscribers are real event-stream clients (they make subscriber_count); in-process
   * waiters subscribe uncounted.
   */
  subscribe(
    opts: { sessionId?: string; afterId?: number; counted?: boolean },
    listener: (e: EngineEvent) => void,
  ): Subscription {
    const sub: Subscriber = { sessionId: opts.sessionId, counted: opts.counted ?? false, listener };
    let replay: EngineEvent[] | 'reset' = [];
    if (opts.afterId !== undefined && opts.afterId < this.lastId) {
      const first = this.buffer[0];
      if (!first || first.id > opts.afterId + 1) {
        replay = 'reset';
      } else {
        replay = this.buffer.filter(
          (e) => e.id > opts.afterId! && (sub.sessionId === undefined || sub.sessionId === eventSessionId(e)),
        );
      }
    }
    this.subscribers.add(sub);
    return { replay, unsubscribe: () => this.subscribers.delete(sub) };
  }

  /** Open event streams (counted subscribers) and in-process waiters (uncounted), for /engine/info. */
  activity(): { streams: number; waiters: number } {
    let streams = 0;
    for (const s of this.subscribers) {
      streams += s.counted ? 1 : 0;
    }
    return { streams, waiters: this.subscribers.size - streams };
  }

  /** Event-stream clients that receive this session's events (filtered to it, or to everything). */
  subscriberCount(sessionId: string): number {
    let n = 0;
    for (const s of this.subscribers) {
      if (s.counted && (s.sessionId === undefined || s.sessionId === sessionId)) {
        n++;
      }
    }
    return n;
  }
}
