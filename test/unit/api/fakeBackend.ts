/** A backend held in memory for the catch-up and watch tests: a session view, a history, and a record of every call. */
import type { BiltBackend, SessionRef, SessionView } from '../../../src/api/backend';
import type { Message, MessagePage } from '../../../src/core/model';
import type { SessionStatus } from '../../../src/core/status';

export const REF: SessionRef = { sessionId: 'sess-1', projectId: 'proj-1' };
const T = '2026-01-15T12:00:00.000Z';

export const message = (seq: number): Message => ({
  id: `m${seq}`,
  sessionId: REF.sessionId,
  workflowId: 'w1',
  seq,
  side: seq % 2 ? 'user' : 'ai',
  variant: 'info',
  text: `message ${seq}`,
  createdAt: T,
});

export function view(status: SessionStatus, messageCount = 0, percentage?: number): SessionView {
  const workflow =
    status === 'idle'
      ? undefined
      : {
          id: 'w1',
          sessionId: REF.sessionId,
          projectId: REF.projectId,
          status,
          message: 'build it',
          progress: percentage === undefined ? null : { percentage },
          pause: null,
          result: null,
          error: null,
          cancelReason: null,
          interrupted: false,
          createdAt: T,
          startedAt: null,
          endedAt: null,
          updatedAt: T,
        };
  return {
    session: {
      id: REF.sessionId,
      projectId: REF.projectId,
      status,
      progress: workflow?.progress ?? null,
      workflowId: workflow?.id ?? null,
      messageCount,
      createdAt: T,
      updatedAt: T,
    },
    workflows: workflow ? [workflow] : [],
  };
}

export type Call = { op: 'getSession' } | { op: 'getMessages'; limit: number | undefined; offset: number | undefined };

export class FakeBackend implements BiltBackend {
  readonly kind = 'mcp-seed' as const;
  readonly capabilities = {
    resume: true,
    answerViaSend: false,
    events: false,
    visibility: true,
    createProject: true,
    answers: true,
    pause: false,
    delete: false,
    missing: [],
  };
  readonly calls: Call[] = [];
  history: Message[] = [];
  status: SessionStatus = 'idle';
  /** Whether get_session reports the message count (the seed engine does; live servers do not). */
  countsMessages = true;
  /** Errors the next getSession calls throw, in order. */
  readonly failures: Error[] = [];
  /** Runs after each getMessages call has computed its page (e.g. to add messages meanwhile). */
  afterGetMessages: (() => void) | undefined;
  private readonly listeners: Array<() => void> = [];

  add(n: number): void {
    for (let i = 0; i < n; i++) {
      this.history.push(message(this.history.length + 1));
    }
  }

  /** Resolves once the backend has been called `n` times in all. */
  async calledAtLeast(n: number): Promise<void> {
    while (this.calls.length < n) {
      await new Promise<void>((r) => this.listeners.push(r));
    }
  }

  private record(c: Call): void {
    this.calls.push(c);
    for (const l of this.listeners.splice(0)) {
      l();
    }
  }

  async getSession(): Promise<SessionView> {
    this.record({ op: 'getSession' });
    const failure = this.failures.shift();
    if (failure) {
      throw failure;
    }
    return view(this.status, this.countsMessages ? this.history.length : 0);
  }

  async getMessages(
    _ref: SessionRef,
    page: { limit?: number; offset?: number },
    o?: { signal?: AbortSignal | undefined },
  ): Promise<MessagePage> {
    this.record({ op: 'getMessages', limit: page.limit, offset: page.offset });
    o?.signal?.throwIfAborted();
    const limit = page.limit ?? 50;
    const offset = page.offset ?? 0;
    const newestFirst = [...this.history].reverse();
    const r = {
      messages: newestFirst.slice(offset, offset + limit),
      total: this.history.length,
      hasMore: offset + limit < this.history.length,
    };
    this.afterGetMessages?.();
    return r;
  }

  listProjects = unused;
  getProject = unused;
  createProject = unused;
  sendMessage = unused;
  answer = unused;
  resume = unused;
  cancel = unused;
  close = async () => undefined;
}

async function unused(): Promise<never> {
  throw new Error('not used by these tests');
}
