/** Fakes for the store's unit tests: timers that run only when the test moves time, a server in memory, an event stream the test feeds. */
import type { SessionView } from '../../../../src/api/backend';
import type { BiltClient } from '../../../../src/api/client';
import { RequestBudget } from '../../../../src/api/http/budget';
import { BiltStore } from '../../../../src/api/store/biltStore';
import { sleepOn } from '../../../../src/api/store/timing';
import type { Connector, ServerConfig, StoreOptions, StoreTimers } from '../../../../src/api/store/types';
import type { ServerEvent } from '../../../../src/api/watch/serverEvents';
import { BiltError } from '../../../../src/core/errors';
import type { Project, Workflow } from '../../../../src/core/model';
import type { SessionStatus } from '../../../../src/core/status';
import { settle } from '../fakes';

export { settle };
export const T0 = 1_700_000_000_000;
const ISO = '2026-01-15T12:00:00.000Z';

/** Timers on a fake clock: nothing runs until advance(); each due timer runs in time order, with promise chains settling between. */
export class FakeTimers implements StoreTimers {
  t = T0;
  private seq = 0;
  private readonly queue: Array<{ id: number; at: number; fn: () => void }> = [];
  readonly now = () => this.t;
  readonly setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.queue.push({ id, at: this.t + Math.max(0, ms), fn });
    return id;
  };
  readonly clearTimeout = (h: unknown): void => {
    const i = this.queue.findIndex((x) => x.id === h);
    if (i >= 0) {
      this.queue.splice(i, 1);
    }
  };
  /** Timers waiting (the change flush included). */
  get pending(): number {
    return this.queue.length;
  }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      const due = this.queue.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) {
        break;
      }
      this.queue.splice(this.queue.indexOf(due), 1);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

export const project = (id: string): Project => ({
  id,
  name: `app-${id}`,
  description: null,
  visibility: 'private',
  createdAt: ISO,
  updatedAt: ISO,
});

export function sessionView(
  projectId: string,
  status: SessionStatus,
  messageCount = 0,
  percentage?: number,
): SessionView {
  const sessionId = `s-${projectId}`;
  const w: Workflow | undefined =
    status === 'idle'
      ? undefined
      : {
          id: `w-${projectId}`,
          sessionId,
          projectId,
          status,
          message: 'build it',
          progress: percentage === undefined ? null : { percentage },
          pause: null,
          result: null,
          error: null,
          cancelReason: null,
          interrupted: false,
          createdAt: ISO,
          startedAt: null,
          endedAt: null,
          updatedAt: ISO,
        };
  return {
    session: {
      id: sessionId,
      projectId,
      status,
      progress: w?.progress ?? null,
      workflowId: w?.id ?? null,
      messageCount,
      createdAt: ISO,
      updatedAt: ISO,
    },
    workflows: w ? [w] : [],
  };
}

export type Call = ({ op: 'list' } | { op: 'session'; projectId: string }) & { at: number };

/** A server in memory: projects, their session views, every call recorded, failures scripted. */
export class FakeServer {
  projects: Project[] = [];
  readonly views = new Map<string, SessionView>();
  readonly calls: Call[] = [];
  /** Thrown by the next calls, in order. */
  readonly failures: Error[] = [];
  /** While true, calls wait until their signal aborts (then `aborted` counts them). */
  hang = false;
  aborted = 0;
  closed = 0;
  /** Like a real client's: every call draws from it (waiting on the fake timers when it is empty). */
  readonly budget: RequestBudget;
  /** Calls waiting for the budget at once, at most. */
  maxWaiting = 0;
  private waiting = 0;

  constructor(readonly o: { timers: FakeTimers; events?: boolean; perMinute?: number }) {
    this.budget = new RequestBudget({
      perMinute: o.perMinute ?? Infinity,
      now: o.timers.now,
      sleep: (ms, signal) => sleepOn(o.timers, ms, signal ?? new AbortController().signal),
    });
  }

  add(n: number, status: SessionStatus = 'idle'): string[] {
    const ids = Array.from({ length: n }, (_, i) => `p${this.projects.length + i + 1}`);
    for (const id of ids) {
      this.projects.unshift(project(id));
      this.views.set(id, sessionView(id, status));
    }
    return ids;
  }

  set(projectId: string, status: SessionStatus, messageCount = 0, percentage?: number): void {
    this.views.set(projectId, sessionView(projectId, status, messageCount, percentage));
  }

  /** A change made elsewhere: the session moves, and so does the project's listed updatedAt. */
  touch(projectId: string, status: SessionStatus): void {
    this.set(projectId, status);
    this.projects = this.projects.map((p) =>
      p.id === projectId ? { ...p, updatedAt: new Date(this.o.timers.now()).toISOString() } : p,
    );
  }

  count(op: Call['op']): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  readonly backend = {
    listProjects: async (o?: { signal?: AbortSignal | undefined }) => {
      this.calls.push({ op: 'list', at: this.o.timers.now() });
      await this.fail(o?.signal);
      return [...this.projects];
    },
    getSession: async (q: { projectId?: string | undefined }, o?: { signal?: AbortSignal | undefined }) => {
      this.calls.push({ op: 'session', projectId: q.projectId!, at: this.o.timers.now() });
      await this.fail(o?.signal);
      const v = this.views.get(q.projectId!);
      if (!v) {
        throw new BiltError('not_found', 'Project not found', { project_id: q.projectId });
      }
      return v;
    },
  };

  client(): BiltClient {
    return {
      backend: this.backend,
      eventsUrl: this.o.events ? 'http://127.0.0.1:1/events' : undefined,
      budget: this.budget,
      close: async () => void this.closed++,
    } as unknown as BiltClient;
  }

  /** Times (relative to `from`) of the session reads of a project. */
  readsOf(projectId: string, from = T0): number[] {
    return this.calls.flatMap((c) => (c.op === 'session' && c.projectId === projectId ? [c.at - from] : []));
  }

  private async fail(signal: AbortSignal | undefined): Promise<void> {
    this.maxWaiting = Math.max(this.maxWaiting, ++this.waiting);
    await this.budget.acquire(signal).finally(() => this.waiting--);
    signal?.throwIfAborted();
    if (this.hang) {
      await new Promise<void>((_, reject) =>
        signal?.addEventListener('abort', () => (this.aborted++, reject(signal.reason)), { once: true }),
      );
    }
    const f = this.failures.shift();
    if (f) {
      throw f;
    }
  }
}

/** One open event stream the test feeds. */
class Stream {
  private readonly items: ServerEvent[] = [];
  private wake: (() => void) | undefined;
  private error: unknown;
  private ended = false;
  push(e: ServerEvent): void {
    this.items.push(e);
    this.wake?.();
  }
  fail(error: unknown): void {
    this.error = error;
    this.ended = true;
    this.wake?.();
  }
  async *iterate(): AsyncGenerator<ServerEvent> {
    for (;;) {
      while (this.items.length) {
        yield this.items.shift()!;
      }
      if (this.ended) {
        throw this.error;
      }
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }
}

/** The event-stream seam: records each open (with its Last-Event-ID); `refuse` makes the next opens fail. */
export class FakeEvents {
  readonly opens: Array<string | undefined> = [];
  refuse = 0;
  current: Stream | undefined;
  readonly open: NonNullable<StoreOptions['openEvents']> = (_client, lastEventId, signal) => {
    this.opens.push(lastEventId);
    if (this.refuse > 0) {
      this.refuse--;
      return (async function* () {
        yield* [];
        throw new BiltError('unavailable', 'Event stream refused (connection refused)');
      })();
    }
    const s = (this.current = new Stream());
    signal.addEventListener('abort', () => s.fail(signal.reason), { once: true });
    return s.iterate();
  };
  push(e: ServerEvent): void {
    this.current!.push(e);
  }
}

export const REMOTE: ServerConfig = {
  id: 'remote',
  label: 'Bilt',
  kind: 'remote',
  url: 'https://mcp.example.test/mcp',
};
export const LOCAL: ServerConfig = { id: 'local', label: 'Local engine', kind: 'local' };

/** A store on fake timers over one fake server (or one per server id); `state.connectError` makes the connector throw. */
export function setup(o: { events?: boolean; perMinute?: number; options?: Partial<StoreOptions> } = {}) {
  const timers = new FakeTimers();
  const server = new FakeServer({
    timers,
    events: o.events ?? false,
    ...(o.perMinute !== undefined ? { perMinute: o.perMinute } : {}),
  });
  const others = new Map<string, FakeServer>();
  const events = new FakeEvents();
  const state = { connects: [] as string[], connectError: undefined as Error | undefined, changes: [] as string[] };
  const connect: Connector = async (s) => {
    state.connects.push(s.id);
    if (state.connectError) {
      throw state.connectError;
    }
    return (others.get(s.id) ?? server).client();
  };
  const store = new BiltStore({
    connect,
    now: timers.now,
    timers,
    openEvents: events.open,
    activeMs: 5000,
    idleMs: 60_000,
    ...o.options,
  });
  store.onDidChange((id) => state.changes.push(id));
  const start = async (servers: ServerConfig[] = [o.events ? LOCAL : REMOTE]) => {
    store.setServers(servers);
    await timers.advance(0);
  };
  const snap = (id = o.events ? LOCAL.id : REMOTE.id) => store.snapshot(id)!;
  return { timers, server, others, events, state, store, start, snap };
}
