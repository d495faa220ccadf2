/**
 * BiltStore: the one cache of every configured server (see types.ts). Each server is a ServerRuntime
 * whose driver pushes (the local engine's event stream) or polls (remote servers, within their
 * request budget). Changes are announced per server, at most once per timer turn.
 */
import { BiltError, notFound } from '../../core/errors';
import type { SessionRef, SessionView } from '../backend';
import type { BiltClient } from '../client';
import { PollDriver } from './pollDriver';
import { PushDriver } from './pushDriver';
import { ServerRuntime } from './runtime';
import { storeConfig, type StoreConfig } from './timing';
import type { BiltStoreApi, PersistedServer, ServerConfig, ServerSnapshot, StoreOptions, Unsubscribe } from './types';

export class BiltStore implements BiltStoreApi {
  private readonly c: StoreConfig;
  private readonly runtimes = new Map<string, ServerRuntime>();
  private order: string[] = [];
  private readonly listeners = new Set<(serverId: string) => void>();
  private readonly dirty = new Set<string>();
  private flushTimer: unknown;
  private activity = { windowFocused: true, viewVisible: true };
  /** Cached data of servers not configured yet. */
  private readonly restored = new Map<string, PersistedServer>();
  private disposed = false;

  constructor(options: StoreOptions) {
    this.c = storeConfig(options);
  }

  setServers(servers: ServerConfig[]): void {
    if (this.disposed) {
      return;
    }
    const wanted = new Map(servers.map((s) => [s.id, s]));
    for (const [id, rt] of this.runtimes) {
      const s = wanted.get(id);
      if (s && s.url === rt.server.url && s.kind === rt.server.kind) {
        continue;
      }
      rt.dispose(); // removed, or now another server under the same id
      this.runtimes.delete(id);
      this.changed(id);
    }
    this.order = [...wanted.keys()];
    for (const s of wanted.values()) {
      const rt = this.runtimes.get(s.id);
      if (rt) {
        if (rt.server.label !== s.label) {
          rt.server = s;
          this.changed(s.id);
        }
        continue;
      }
      const added = new ServerRuntime(s, this.c, {
        changed: () => this.changed(s.id),
        active: () => this.activity.windowFocused && this.activity.viewVisible,
        makeDriver: (r, client) => (client.eventsUrl ? new PushDriver(r, client) : new PollDriver(r, client)),
      });
      this.runtimes.set(s.id, added);
      const cached = this.restored.get(s.id);
      this.restored.delete(s.id);
      if (cached) {
        this.apply(added, cached);
      }
      this.changed(s.id);
      void added.start();
    }
  }

  snapshots(): ServerSnapshot[] {
    return this.order.flatMap((id) => this.runtimes.get(id)?.snapshot() ?? []);
  }

  snapshot(serverId: string): ServerSnapshot | undefined {
    return this.runtimes.get(serverId)?.snapshot();
  }

  onDidChange(listener: (serverId: string) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async refresh(serverId?: string): Promise<void> {
    // an id not (or no longer) configured has nothing to refresh (a token may change before the settings do)
    const targets = serverId === undefined ? [...this.runtimes.values()] : [this.runtimes.get(serverId) ?? []].flat();
    await Promise.all(targets.map((rt) => rt.refresh()));
  }

  async loadSession(serverId: string, projectId: string): Promise<SessionView> {
    return this.runtime(serverId).loadSession(projectId);
  }

  afterAction(serverId: string, ref?: Partial<SessionRef>): void {
    this.runtimes.get(serverId)?.afterAction(ref);
  }

  setActivity(a: { windowFocused: boolean; viewVisible: boolean }): void {
    if (a.windowFocused === this.activity.windowFocused && a.viewVisible === this.activity.viewVisible) {
      return;
    }
    this.activity = { ...a };
    for (const rt of this.runtimes.values()) {
      rt.activityChanged();
    }
  }

  async client(serverId: string, signal?: AbortSignal): Promise<BiltClient> {
    const p = this.runtime(serverId).client();
    if (!signal) {
      return p;
    }
    return new Promise<BiltClient>((resolve, reject) => {
      if (signal.aborted) {
        return reject(signal.reason);
      }
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  restore(persisted: PersistedServer[]): void {
    if (this.disposed) {
      return;
    }
    for (const p of persisted) {
      const rt = this.runtimes.get(p.serverId);
      if (!rt) {
        this.restored.set(p.serverId, p);
      } else if (rt.table.entries() === undefined) {
        this.apply(rt, p);
      }
    }
  }

  persist(): PersistedServer[] {
    return this.snapshots().flatMap((s) => {
      const rt = this.runtimes.get(s.server.id)!;
      return s.projects
        ? [{ serverId: s.server.id, updatedAt: s.updatedAt ?? this.c.now(), projects: rt.table.persisted() }]
        : [];
    });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    for (const rt of this.runtimes.values()) {
      rt.dispose();
    }
    this.runtimes.clear();
    this.listeners.clear();
    this.c.timers.clearTimeout(this.flushTimer);
  }

  private apply(rt: ServerRuntime, p: PersistedServer): void {
    rt.table.restore(p);
    rt.stale = true;
    rt.updatedAt = p.updatedAt;
    this.changed(rt.server.id);
  }

  private runtime(serverId: string): ServerRuntime {
    const rt = this.runtimes.get(serverId);
    if (!rt) {
      throw this.disposed
        ? new BiltError('unavailable', 'The store was disposed')
        : notFound('Server', { server_id: serverId });
    }
    return rt;
  }

  private changed(serverId: string): void {
    if (this.disposed) {
      return;
    }
    this.dirty.add(serverId);
    this.flushTimer ??= this.c.timers.setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      for (const l of [...this.listeners]) {
        try {
          l(id);
        } catch (e) {
          this.c.log(`a store listener failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  }
}
