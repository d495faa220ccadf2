/**
 * One configured server inside the store: its state and data, its client (opened through the
 * Connector, re-opened after the server moved), and the driver that keeps the data fresh: push from
 * the event stream when the client has one, polling otherwise.
 */
import { BiltError } from '../../core/errors';
import type { SessionRef, SessionView } from '../backend';
import type { BiltClient } from '../client';
import { ClientSlot, RETIRE_MS } from './clients';
import type { Driver, RuntimeContext } from './driver';
import { errorOfState, failureState, needsUser, retryAtOf } from './status';
import { ProjectTable } from './table';
import { asBiltError } from '../watch/state';
import { backoff, UNREACHABLE_FAST_TRIES, UNREACHABLE_RETRY_MS, type StoreConfig } from './timing';
import { isSignedOut, type ServerConfig, type ServerSnapshot, type ServerState } from './types';

export class ServerRuntime {
  status: ServerState = { state: 'connecting' };
  readonly table = new ProjectTable();
  stale = false;
  updatedAt: number | undefined;
  nextRefreshAt: number | undefined;
  private readonly clients: ClientSlot;
  private running: Promise<void> | undefined;
  private driver: Driver | undefined;
  private retryTimer: unknown;
  private failures = 0;
  private readonly abort = new AbortController();

  constructor(
    /** Replaced when only its label was edited. */
    public server: ServerConfig,
    readonly c: StoreConfig,
    readonly ctx: RuntimeContext,
  ) {
    this.clients = new ClientSlot((signal) => c.connect(this.server, signal), c.timers, this.signal);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  snapshot(): ServerSnapshot {
    const { server, status, stale, updatedAt, nextRefreshAt } = this;
    return {
      server,
      status,
      projects: this.table.entries(),
      stale,
      updatedAt,
      nextRefreshAt,
      live: this.driver?.live ?? false,
      capabilities: this.clients.current?.backend.capabilities,
    };
  }

  /**
   * Connects (once at a time) and starts the driver; resolves after its first load. `fresh`: through
   * the Connector again even when connected (a new token, an engine that moved), reading everything.
   */
  start(fresh = false): Promise<void> {
    if (this.running) {
      return fresh ? this.running.then(() => this.start(true)) : this.running;
    }
    this.running = this.connectAndRun(fresh).finally(() => (this.running = undefined));
    return this.running;
  }

  /** The user refreshed, signed in or out, or restarted the engine: connect again and read everything. */
  async refresh(): Promise<void> {
    this.failures = 0; // the user asked: try now, and again soon if it fails
    await this.start(true);
  }

  async loadSession(projectId: string): Promise<SessionView> {
    if (!this.driver && this.running) {
      await this.running;
    }
    if (!this.driver) {
      throw errorOfState(this.status, this.c.now(), this.server.label);
    }
    return this.driver.loadSession(projectId);
  }

  afterAction(ref: Partial<SessionRef> | undefined): void {
    this.driver?.afterAction(ref);
  }

  activityChanged(): void {
    this.driver?.activityChanged();
  }

  /** The connected client; connects through the Connector when there is none. */
  client(): Promise<BiltClient> {
    return this.clients.get();
  }

  /** The stream or the client stopped working: drop both and connect again (re-discovery) after a backoff. */
  reconnect(e: unknown): void {
    this.replace(undefined, 0);
    this.retryLater(e);
  }

  /** Shows a failure; returns when to retry (undefined: not before the user acts). */
  noteFailure(e: unknown, capMs?: number): number | undefined {
    this.failures++;
    const now = this.c.now();
    const unreachable =
      !isSignedOut(e) && asBiltError(e).code === 'unavailable' && this.failures <= UNREACHABLE_FAST_TRIES;
    const waitMs = Math.min(backoff(this.c, this.failures, capMs), unreachable ? UNREACHABLE_RETRY_MS : Infinity);
    this.status = failureState(e, now, waitMs, this.clients.current?.budget);
    this.c.log(`${this.server.id}: ${this.status.state}${e instanceof Error ? ` (${e.message})` : ''}`);
    this.ctx.changed();
    return needsUser(this.status) ? undefined : retryAtOf(this.status);
  }

  /** Data arrived from the server. */
  noteSuccess(): void {
    this.failures = 0;
    this.updatedAt = this.c.now();
    this.stale = false;
    if (this.status.state !== 'ready') {
      this.status = { state: 'ready' };
    }
    this.ctx.changed();
  }

  setNextRefresh(at: number | undefined): void {
    if (at === this.nextRefreshAt) {
      return;
    }
    this.nextRefreshAt = at;
    this.ctx.changed();
  }

  dispose(): void {
    if (this.signal.aborted) {
      return;
    }
    this.abort.abort(new BiltError('unavailable', 'The store was disposed'));
    this.c.timers.clearTimeout(this.retryTimer);
    this.driver?.stop();
    this.driver = undefined;
    this.clients.closeAll();
  }

  private replace(next: BiltClient | undefined, graceMs: number): void {
    this.driver?.stop();
    this.driver = undefined;
    this.clients.replace(next, graceMs);
  }

  private async connectAndRun(fresh: boolean): Promise<void> {
    this.c.timers.clearTimeout(this.retryTimer);
    let client: BiltClient;
    try {
      client = fresh ? await this.clients.open() : await this.clients.get();
    } catch (e) {
      if (this.signal.aborted) {
        return;
      }
      if (fresh) {
        this.replace(undefined, RETIRE_MS);
      } // e.g. signed out: the old token is no longer ours to use
      return this.retryLater(e);
    }
    if (this.signal.aborted) {
      return;
    }
    if (fresh) {
      this.replace(client, RETIRE_MS);
    } else if (this.driver) {
      return;
    }
    this.driver = this.ctx.makeDriver(this, client);
    this.ctx.changed();
    await this.driver.start(fresh);
  }

  private retryLater(e: unknown): void {
    const at = this.noteFailure(e);
    this.nextRefreshAt = undefined;
    this.c.timers.clearTimeout(this.retryTimer);
    if (at !== undefined) {
      this.retryTimer = this.c.timers.setTimeout(() => void this.start(), Math.max(0, at - this.c.now()));
    }
  }
}
