/** A fake upstream for bridge unit tests: a BiltBackend whose every call is recorded and scripted. */
import type { BiltBackend, SessionRef, SessionView } from '../../../src/api/backend';
import type { WatchEvent, WatchOptions } from '../../../src/api/watch/watch';
import type { UpstreamClient } from '../../../src/mcp/bridge/context';
import type { UpstreamSource } from '../../../src/mcp/bridge/server';
import type { Project, Session, Workflow } from '../../../src/core/model';

export const PROJECT: Project = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'app',
  description: null,
  visibility: 'public',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
};
export const SESSION_ID = '22222222-2222-4222-8222-222222222222';
export const WORKFLOW_ID = '33333333-3333-4333-8333-333333333333';

export function session(status: Session['status'], progress: Session['progress'] = null): Session {
  return {
    id: SESSION_ID,
    projectId: PROJECT.id,
    status,
    progress,
    workflowId: status === 'idle' ? null : WORKFLOW_ID,
    messageCount: 0,
    createdAt: PROJECT.createdAt,
    updatedAt: PROJECT.updatedAt,
  };
}

export function workflow(status: Workflow['status'], extra: Partial<Workflow> = {}): Workflow {
  return {
    id: WORKFLOW_ID,
    sessionId: SESSION_ID,
    projectId: PROJECT.id,
    status,
    message: 'build',
    progress: null,
    pause: null,
    result: null,
    error: null,
    cancelReason: null,
    interrupted: false,
    createdAt: PROJECT.createdAt,
    startedAt: null,
    endedAt: null,
    updatedAt: PROJECT.updatedAt,
    ...extra,
  };
}

export function view(status: Workflow['status'], extra: Partial<Workflow> = {}): SessionView {
  const w = workflow(status, extra);
  return { session: session(status, w.progress), workflows: [w] };
}

type Handler = (...args: unknown[]) => unknown;

export class FakeUpstream implements UpstreamSource, UpstreamClient {
  readonly calls: Array<{ op: string; args: unknown[] }> = [];
  readonly failures: unknown[] = [];
  /** Views a watch delivers, in order. */
  watchViews: SessionView[] = [];
  private readonly handlers = new Map<string, Handler>();
  kind: BiltBackend['kind'] = 'mcp-seed';

  on(op: keyof BiltBackend, h: Handler): this {
    this.handlers.set(op, h);
    return this;
  }

  readonly backend = new Proxy({} as BiltBackend, {
    get: (_t, op: string) => {
      if (op === 'kind') {
        return this.kind;
      }
      if (op === 'capabilities') {
        return {
          resume: this.kind === 'mcp-seed',
          answerViaSend: this.kind === 'mcp-live',
          events: false,
          visibility: this.kind === 'mcp-seed',
        };
      }
      return async (...args: unknown[]) => {
        this.calls.push({ op, args });
        const h = this.handlers.get(op);
        if (!h) {
          throw new Error(`unexpected upstream call ${op}`);
        }
        return h(...args);
      };
    },
  });

  /** The signal of every watch the bridge started (to see that it stops them). */
  readonly watchSignals: AbortSignal[] = [];

  watch(_ref: SessionRef, o: WatchOptions = {}): AsyncIterable<WatchEvent> {
    const views = [...this.watchViews];
    const signal = o.signal;
    if (signal) {
      this.watchSignals.push(signal);
    }
    return {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const v = views.shift();
          if (v) {
            return { value: { type: 'session', view: v } as WatchEvent, done: false };
          }
          // no more changes: wait until the watcher is stopped
          await new Promise<void>((r) =>
            signal?.aborted ? r() : signal?.addEventListener('abort', () => r(), { once: true }),
          );
          return { value: undefined, done: true };
        },
        return: async () => ({ value: undefined, done: true }),
      }),
    };
  }

  client = async () => this;
  noteFailure(e: unknown): void {
    this.failures.push(e);
  }
  /** Whether the bridge may find this upstream again after a lost connection (the local engine). */
  reconnects = false;
  resets = 0;
  async reset(): Promise<void> {
    this.resets++;
  }
}
