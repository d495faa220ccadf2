/**
 * Keeping a server's data fresh from its server-wide event stream (the local engine's /events): one
 * stream for all sessions. When it opens without a Last-Event-ID: read everything once (the list and
 * each project's session; cheap on loopback), then apply what it pushes. A stream that breaks is
 * resumed with Last-Event-ID; one that will not open means the engine moved or stopped, so the
 * runtime reconnects through the Connector (re-discovery) and the stream starts over. `reset` → read
 * everything again. No timers while it works: nothing is polled.
 */
import { BiltError } from '../../core/errors';
import type { SessionView } from '../backend';
import type { BiltClient } from '../client';
import { openServerEvents, type ServerEvent } from '../watch/serverEvents';
import { asBiltError } from '../watch/state';
import type { Driver } from './driver';
import type { ServerRuntime } from './runtime';
import { isServerWide } from './status';
import { sleepOn } from './timing';

/** Session reads in flight at once during a full read. */
const SYNC_CONCURRENCY = 8;
/** Longest wait before resuming a broken stream (the engine is local: retry soon). */
const PUSH_MAX_BACKOFF_MS = 30_000;

export class PushDriver implements Driver {
  readonly live = true;
  private readonly ctl = new AbortController();
  private readonly onStoreAbort = () => this.ctl.abort(this.rt.signal.reason);
  private firstLoad: (() => void) | undefined;

  constructor(
    private readonly rt: ServerRuntime,
    private readonly client: BiltClient,
  ) {
    rt.signal.addEventListener('abort', this.onStoreAbort, { once: true });
  }

  start(): Promise<void> {
    // every start reads everything once the stream is open
    const first = new Promise<void>((resolve) => (this.firstLoad = resolve));
    void this.loop();
    return first;
  }

  async loadSession(projectId: string): Promise<SessionView> {
    const known = this.rt.table.get(projectId)?.session;
    if (known) {
      return known;
    }
    const view = await this.client.backend.getSession({ projectId }, { signal: this.ctl.signal });
    if (this.rt.table.setSession(projectId, view, this.rt.c.now())) {
      this.rt.ctx.changed();
    }
    return view;
  }

  afterAction(): void {
    // the stream reports every change
  }

  activityChanged(): void {
    // the stream stays open while the window is inactive: it costs nothing and keeps notifications true
  }

  stop(): void {
    this.rt.signal.removeEventListener('abort', this.onStoreAbort);
    this.ctl.abort(new BiltError('unavailable', 'The event stream was stopped'));
    this.firstLoad?.();
  }

  private async loop(): Promise<void> {
    const signal = this.ctl.signal;
    const open = this.rt.c.openEvents ?? ((client, last, s) => openServerEvents(client, last, s, this.rt.c.log));
    let lastEventId: string | undefined;
    while (!signal.aborted) {
      let opened = false;
      try {
        const resuming = lastEventId !== undefined;
        for await (const e of open(this.client, lastEventId, signal)) {
          opened = true;
          if (e.type === 'ready') {
            if (!resuming) {
              await this.sync();
              // resume from here only once the state was read (a failed read starts over without it)
              lastEventId = e.lastEventId !== undefined ? String(e.lastEventId) : undefined;
            } else {
              this.rt.noteSuccess();
            }
            this.firstLoad?.();
          } else if (e.type === 'reset') {
            await this.sync();
          } else {
            if (e.id) {
              lastEventId = e.id;
            }
            this.apply(e);
          }
        }
        if (signal.aborted) {
          return;
        }
        throw new BiltError('unavailable', 'The event stream closed');
      } catch (e) {
        if (signal.aborted) {
          return;
        }
        this.firstLoad?.();
        // it would not open: the engine stopped or moved; connect again through the Connector
        if (!opened) {
          return this.rt.reconnect(e);
        }
        const at = this.rt.noteFailure(e, PUSH_MAX_BACKOFF_MS);
        if (at === undefined) {
          return this.stop();
        } // unauthorized: wait for the user
        await sleepOn(this.rt.c.timers, Math.max(0, at - this.rt.c.now()), signal).catch(() => undefined);
      }
    }
  }

  /** Reads the list and every project's session; a session that fails to read shows as that project's error. */
  private async sync(): Promise<void> {
    const { backend } = this.client;
    const signal = this.ctl.signal;
    const projects = await backend.listProjects({ signal });
    const views = new Map<string, SessionView | BiltError>();
    const queue = [...projects];
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const id = p.id;
        views.set(
          id,
          await backend.getSession({ projectId: id }, { signal }).catch((e: unknown) => {
            if (signal.aborted || isServerWide(e)) {
              throw e;
            } // the server, not this project: the whole read failed
            return asBiltError(e);
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(SYNC_CONCURRENCY, projects.length) }, worker));
    signal.throwIfAborted();
    const now = this.rt.c.now();
    const t = this.rt.table;
    t.setProjects(projects);
    for (const [id, v] of views) {
      if (v instanceof BiltError) {
        t.setError(id, v);
      } else {
        t.setSession(id, v, now);
      }
    }
    this.rt.noteSuccess();
  }

  private apply(e: Exclude<ServerEvent, { type: 'ready' | 'reset' }>): void {
    const t = this.rt.table;
    const now = this.rt.c.now();
    const changed =
      e.type === 'project'
        ? t.upsertProject(e.project)
        : e.type === 'session'
          ? t.applySession(e.session, now)
          : e.type === 'workflow'
            ? t.applyWorkflow(e.workflow, e.session, now)
            : e.type === 'sessionDeleted'
              ? t.removeSession(e.projectId, e.sessionId)
              : t.applyMessage(e.message, now);
    if (!changed) {
      return;
    }
    this.rt.updatedAt = now;
    this.rt.ctx.changed();
  }
}
