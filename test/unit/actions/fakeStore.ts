/**
 * A store for the action tests: servers and sessions held in memory (built with the present/ fixtures),
 * a backend that records what it was asked and can be told to refuse, and a watch that plays scripted
 * session views, then waits until it is stopped.
 */
import type { ActionClient, ActionContext, ActionStore, Target } from '../../../src/actions/context';
import type { BiltBackend, SessionRef, SessionView } from '../../../src/api/backend';
import type { WatchEvent } from '../../../src/api/watch/watch';
import { BiltError, notFound } from '../../../src/core/errors';
import type { Workflow } from '../../../src/core/model';
import { entry, project, snapshot, view, workflow } from '../present/fixtures';

export type Call = { op: string; args: unknown[] };

export class FakeStore implements ActionStore {
  readonly calls: Call[] = [];
  readonly afterActions: Array<{ serverId: string; ref?: Partial<SessionRef> }> = [];
  /** The next backend call throws this (once). */
  refuseNext: BiltError | undefined;
  /** Session views the watch yields, in order, before it waits to be stopped. */
  watchViews: SessionView[] = [];
  /** Resolves a backend call only when the test says so (to abort mid-call). */
  holdCalls = false;
  private readonly held: Array<() => void> = [];
  readonly views = new Map<string, SessionView>();
  servers = [snapshot({ projects: [entry({ id: 'p1', name: 'shop' })] })];
  visibility = true;
  /** A Session API gateway: pause and delete, no answers, no project creation. */
  gateway = false;

  /** Sets the latest workflow of project p1 (undefined: an idle session). */
  latest(w: Partial<Workflow> | undefined, projectId = 'p1'): void {
    this.views.set(projectId, view(w ? [workflow({ projectId, ...w })] : [], { projectId }));
  }

  release(): void {
    for (const r of this.held.splice(0)) {
      r();
    }
  }

  snapshots = () => this.servers;
  snapshot = (serverId: string) => this.servers.find((s) => s.server.id === serverId);
  loadSession = async (_serverId: string, projectId: string) => {
    const v = this.views.get(projectId);
    if (!v) {
      throw notFound('Project', { project_id: projectId });
    }
    return v;
  };
  afterAction = (serverId: string, ref?: Partial<SessionRef>) => void this.afterActions.push({ serverId, ref });
  client = async (): Promise<ActionClient> => ({ backend: this.backend(), watch: (_ref, o) => this.watch(o?.signal) });

  private backend(): BiltBackend {
    const call =
      <T>(op: string, result: (...args: unknown[]) => T) =>
      async (...args: unknown[]): Promise<T> => {
        this.calls.push({ op, args });
        const signal = (args.at(-1) as { signal?: AbortSignal } | undefined)?.signal;
        if (this.holdCalls) {
          await new Promise<void>((r) => this.held.push(r));
          signal?.throwIfAborted();
        }
        const refusal = this.refuseNext;
        this.refuseNext = undefined;
        if (refusal) {
          throw refusal;
        }
        return result(...args);
      };
    return {
      kind: 'mcp-seed',
      capabilities: {
        resume: true,
        answerViaSend: false,
        events: false,
        visibility: this.visibility,
        createProject: !this.gateway,
        answers: !this.gateway,
        pause: this.gateway,
        delete: this.gateway,
        missing: [],
      },
      listProjects: call('listProjects', () => []),
      getProject: call('getProject', () => project()),
      createProject: call('createProject', (input) => project({ id: 'p-new', name: (input as { name: string }).name })),
      getSession: call('getSession', () => this.views.get('p1')!),
      sendMessage: call('sendMessage', (ref) => ({
        sessionId: (ref as SessionRef).sessionId,
        workflowId: 'w-new',
        workflow: undefined,
        status: 'pending' as const,
        timedOut: false,
      })),
      answer: call('answer', () => 'running' as const),
      resume: call('resume', () => 'running' as const),
      cancel: call('cancel', () => ({ workflowId: 'w1', cancelledAt: '2026-05-01T12:00:00.000Z' })),
      pause: call('pause', () => 'paused' as const),
      deleteSession: call('deleteSession', () => undefined),
      getMessages: call('getMessages', () => ({ messages: [], total: 0, hasMore: false })),
      close: async () => undefined,
    };
  }

  private async *watch(signal: AbortSignal | undefined): AsyncIterable<WatchEvent> {
    for (const v of this.watchViews) {
      yield { type: 'session', view: v };
    }
    await new Promise<void>((r) => (signal?.aborted ? r() : signal?.addEventListener('abort', () => r())));
  }

  /** The calls that reached the backend, by name. */
  ops(): string[] {
    return this.calls.map((c) => c.op);
  }
}

export const P1: Target = { serverId: 'local', projectId: 'p1' };

export function context(store = new FakeStore(), linked?: Target): { ctx: ActionContext; store: FakeStore } {
  let link = linked;
  const ctx: ActionContext = {
    store,
    links: {
      get: () => link,
      set: async (l) => {
        link = l;
      },
    },
  };
  return { ctx, store };
}
