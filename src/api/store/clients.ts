/**
 * A server's client: the current one (opened through the Connector, once at a time), and the ones a
 * newer client replaced, which may still carry a command's call (a send waiting for its workflow), so
 * they are closed after a grace rather than at once.
 */
import type { BiltClient } from '../client';
import type { StoreTimers } from './types';

/** How long a replaced client stays open: longer than the longest blocking call (15 min). */
export const RETIRE_MS = 16 * 60_000;

export class ClientSlot {
  current: BiltClient | undefined;
  private connecting: Promise<BiltClient> | undefined;
  private readonly retired = new Map<unknown, BiltClient>();

  constructor(
    private readonly connect: (signal: AbortSignal) => Promise<BiltClient>,
    private readonly timers: StoreTimers,
    private readonly signal: AbortSignal,
  ) {}

  /** The current client, connecting when there is none. */
  get(): Promise<BiltClient> {
    if (this.current) {
      return Promise.resolve(this.current);
    }
    this.connecting ??= this.open()
      .then((c) => (this.current = c))
      .finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** A new client (not installed: see replace). */
  async open(): Promise<BiltClient> {
    const c = await this.connect(this.signal);
    if (!this.signal.aborted) {
      return c;
    }
    void c.close().catch(() => undefined);
    throw this.signal.reason;
  }

  /** Installs `next`; the previous client is closed after `graceMs` (0: now). */
  replace(next: BiltClient | undefined, graceMs: number): void {
    const old = this.current;
    this.current = next;
    if (!old || old === next) {
      return;
    }
    if (graceMs <= 0) {
      return void old.close().catch(() => undefined);
    }
    const h = this.timers.setTimeout(() => {
      this.retired.delete(h);
      void old.close().catch(() => undefined);
    }, graceMs);
    this.retired.set(h, old);
  }

  closeAll(): void {
    this.replace(undefined, 0);
    for (const [h, c] of this.retired) {
      this.timers.clearTimeout(h);
      void c.close().catch(() => undefined);
    }
    this.retired.clear();
  }
}
