/**
 * One request budget per server, shared by everything in this process that talks to it (tree
 * refresh, log streaming, commands, bridge tools): a token bucket refilled at `perMinute`, which
 * every request draws from, and a pause that a 429 imposes on all of them at once.
 */
import { abortableSleep } from './sleep';

export interface BudgetOptions {
  perMinute: number;
  /** Requests that may go at once after a quiet period. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class RequestBudget {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(readonly options: BudgetOptions) {
    this.burst =
      options.burst ??
      (Number.isFinite(options.perMinute) ? Math.max(1, Math.min(10, Math.floor(options.perMinute / 6))) : Infinity);
    this.tokens = this.burst;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.last = this.now();
  }

  /** Milliseconds until the next request may go (0 = now). */
  delay(): number {
    if (!Number.isFinite(this.options.perMinute)) {
      return Math.max(0, this.pausedUntil - this.now());
    }
    this.refill();
    const paused = Math.max(0, this.pausedUntil - this.now());
    if (paused > 0) {
      return paused;
    }
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * (60_000 / this.options.perMinute));
  }

  /** Waits (abortably) until a request may go, then takes one token. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (let d = this.delay(); d > 0; d = this.delay()) {
      await this.sleep(d, signal);
    }
    this.tokens -= 1;
  }

  /** A server said "not before": every user of this budget waits. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** When the budget is paused by the server, until when; for "rate limited, retrying in N s". */
  get pausedUntilTime(): number | undefined {
    return this.pausedUntil > this.now() ? this.pausedUntil : undefined;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.options.perMinute) / 60_000);
    this.last = t;
  }
}

const shared = new Map<string, RequestBudget>();

/**
 * Well under the documented 100 requests/minute for remote servers. A loopback server is the local
 * engine, which has no such limit (unless started with --rate-limit, whose 429s are still honoured).
 */
export function defaultPerMinute(url: URL): number {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? Infinity : 60;
}

/** The budget of a server (by origin), created on first use. */
export function budgetFor(url: URL, perMinute = defaultPerMinute(url)): RequestBudget {
  let b = shared.get(url.origin);
  if (!b) {
    shared.set(url.origin, (b = new RequestBudget({ perMinute })));
  }
  return b;
}
