/**
 * Keeping a server's data fresh by polling, inside its request budget (remote servers, or any client
 * without an event stream). One timer per server; one tick at a time; what a tick reads, and when,
 * comes from PollPlan (it paces itself below the budget). A tick waits while the shared budget is paused (429) or empty, and after a failure the
 * next one waits for an exponential backoff; unauthorized stops polling (refresh() replaces the driver).
 */
import { BiltError } from '../../core/errors';
import type { SessionRef, SessionView } from '../backend';
import type { BiltClient } from '../client';
import { LIST, PollPlan } from './pollPlan';
import type { Driver } from './driver';
import type { ServerRuntime } from './runtime';
import { isServerWide } from './status';

/** When one tick could not read everything that was due, the next comes this much later. */
const SPILL_MS = 1000;

export class PollDriver implements Driver {
  readonly live = false;
  private readonly plan: PollPlan;
  private readonly ctl = new AbortController();
  private readonly onStoreAbort = () => this.ctl.abort(this.rt.signal.reason);
  private timer: unknown;
  private chain: Promise<void> = Promise.resolve();
  /** Unauthorized: nothing runs any more (the store's refresh() connects again with a new driver). */
  private halted = false;
  private readonly reading = new Map<string, Promise<SessionView>>();

  constructor(
    private readonly rt: ServerRuntime,
    private readonly client: BiltClient,
  ) {
    this.plan = new PollPlan(rt.c);
    rt.signal.addEventListener('abort', this.onStoreAbort, { once: true });
  }

  start(full: boolean): Promise<void> {
    this.plan.seed(this.rt.table);
    return this.run(full);
  }

  async loadSession(projectId: string): Promise<SessionView> {
    const e = this.rt.table.get(projectId);
    if (e?.session && !e.error && e.readAt !== undefined && this.rt.c.now() - e.readAt < this.rt.c.activeMs) {
      return e.session;
    }
    let p = this.reading.get(projectId);
    if (!p) {
      p = this.read(projectId).finally(() => this.reading.delete(projectId));
      this.reading.set(projectId, p);
    }
    try {
      return await p;
    } catch (err) {
      if (!this.ctl.signal.aborted && isServerWide(err)) {
        this.failed(err);
      }
      throw err;
    } finally {
      this.schedule(); // a session found active is polled from now on
    }
  }

  afterAction(ref: Partial<SessionRef> | undefined): void {
    const id = ref?.projectId ?? (ref?.sessionId ? this.rt.table.projectOfSession(ref.sessionId) : undefined) ?? LIST;
    this.plan.afterAction(id, this.rt.c.now());
    this.schedule();
  }

  activityChanged(): void {
    this.schedule(); // back: whatever is overdue (data older than its interval) runs at once
  }

  stop(): void {
    this.rt.signal.removeEventListener('abort', this.onStoreAbort);
    this.ctl.abort(new BiltError('unavailable', 'Polling was stopped'));
    this.rt.c.timers.clearTimeout(this.timer);
    this.rt.setNextRefresh(undefined);
  }

  /** Ticks run one after another, never two at once. */
  private run(force: boolean): Promise<void> {
    const p = this.chain.then(() => this.tick(force));
    this.chain = p;
    return p;
  }

  private async tick(force: boolean): Promise<void> {
    const { c, table } = this.rt;
    c.timers.clearTimeout(this.timer);
    if (this.ctl.signal.aborted || (this.halted && !force)) {
      return;
    }
    try {
      const now = c.now();
      if (!force && this.plan.retryAt !== undefined && now < this.plan.retryAt) {
        return;
      }
      const budget = this.client.budget;
      const wait = budget.delay();
      if (wait > 0) {
        this.plan.retryAt = now + wait;
        const paused = budget.pausedUntilTime;
        if (paused !== undefined) {
          this.rt.noteFailure(
            new BiltError('rate_limited', 'Rate limit exceeded', { retry_after: Math.ceil((paused - now) / 1000) }),
          );
        }
        return;
      }
      const p = this.plan.plan(now, table, { active: this.rt.ctx.active(), force });
      this.plan.ran(now, Number(p.list) + p.sessions.length);
      if (p.list) {
        await this.readList();
      }
      for (const id of p.sessions) {
        await this.read(id).catch((e: unknown) =>
          this.ctl.signal.aborted || isServerWide(e) ? Promise.reject(e) : undefined,
        );
      }
      this.plan.burstsRan(
        p.bursts.filter((id) => (id === LIST ? p.list : p.sessions.includes(id))),
        c.now(),
      );
      this.plan.retryAt = p.spill ? c.now() + SPILL_MS : undefined;
      if (p.list || p.sessions.length) {
        this.rt.noteSuccess();
      }
    } catch (e) {
      if (!this.ctl.signal.aborted) {
        this.failed(e);
      }
    } finally {
      this.schedule();
    }
  }

  private failed(e: unknown): void {
    // the local engine may have moved (restart, new port): find it again through the Connector
    if (this.rt.server.kind === 'local' && e instanceof BiltError && e.code === 'unavailable') {
      return this.rt.reconnect(e);
    }
    const at = this.rt.noteFailure(e);
    this.plan.retryAt = at;
    this.halted = at === undefined;
  }

  private schedule(): void {
    const { timers, now } = this.rt.c;
    timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.ctl.signal.aborted || this.halted) {
      return this.rt.setNextRefresh(undefined);
    }
    const active = this.rt.ctx.active();
    const at = this.plan.next(now(), active);
    this.rt.setNextRefresh(at);
    if (at !== undefined) {
      this.timer = timers.setTimeout(() => void this.run(false), Math.max(0, at - now()));
    }
  }

  private async readList(): Promise<void> {
    const projects = await this.client.backend.listProjects({ signal: this.ctl.signal });
    const { updated } = this.rt.table.setProjects(projects);
    this.plan.listRead(this.rt.c.now(), updated, this.rt.table);
  }

  private async read(projectId: string): Promise<SessionView> {
    const { table, c } = this.rt;
    try {
      const view = await this.client.backend.getSession({ projectId }, { signal: this.ctl.signal });
      const now = c.now();
      const changed = table.setSession(projectId, view, now);
      this.plan.sessionRead(projectId, now, view, changed);
      if (changed) {
        this.rt.ctx.changed();
      }
      return view;
    } catch (e) {
      if (this.ctl.signal.aborted || isServerWide(e)) {
        throw e;
      }
      if (table.setError(projectId, e as BiltError)) {
        this.rt.ctx.changed();
      }
      this.plan.sessionFailed(projectId, c.now());
      throw e;
    }
  }
}
