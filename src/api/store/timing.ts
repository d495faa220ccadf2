/** The store's sense of time: injectable timers, abortable waits on them, backoff. */
import type { StoreOptions, StoreTimers } from './types';

export const realTimers: StoreTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on the given timers, or rejects when the signal aborts. */
export function sleepOn(timers: StoreTimers, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      return reject(signal.reason);
    }
    const onAbort = () => {
      timers.clearTimeout(h);
      reject(signal.reason);
    };
    const h = timers.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Everything the per-server parts need, with defaults filled in. */
export interface StoreConfig {
  connect: StoreOptions['connect'];
  now: () => number;
  timers: StoreTimers;
  activeMs: number;
  idleMs: number;
  retryMs: number;
  maxBackoffMs: number;
  burstMs: number[];
  maxReadsPerTick: number;
  /** The list's interval while the view is hidden or the window inactive. */
  hiddenListMs: number;
  /** A followed (active) session's shortest interval while hidden or inactive. */
  hiddenActiveMs: number;
  /** A followed session is read at least this often, in every state. */
  followCapMs: number;
  /** Scheduled requests in any minute, at most (bursts after actions count too). */
  maxPerMinute: number;
  openEvents: StoreOptions['openEvents'];
  log: (line: string) => void;
}

export function storeConfig(o: StoreOptions): StoreConfig {
  const idleMs = o.idleMs ?? 30_000;
  const followCapMs = o.followCapMs ?? 30_000;
  return {
    connect: o.connect,
    now: o.now ?? Date.now,
    timers: o.timers ?? realTimers,
    activeMs: Math.min(o.activeMs ?? 5000, idleMs),
    idleMs,
    retryMs: o.retryMs ?? 2000,
    maxBackoffMs: o.maxBackoffMs ?? 5 * 60_000,
    burstMs: o.burstMs ?? [500, 1000, 2000, 4000],
    maxReadsPerTick: Math.max(1, o.maxReadsPerTick ?? 4),
    hiddenListMs: o.hiddenListMs ?? 4 * idleMs,
    hiddenActiveMs: Math.min(followCapMs, o.hiddenActiveMs ?? 20_000),
    followCapMs,
    maxPerMinute: Math.max(2, o.maxPerMinute ?? 30),
    openEvents: o.openEvents,
    log: o.log ?? (() => undefined),
  };
}

/** The wait before retry number `failures` (1 = the first): retryMs doubling, capped. */
export function backoff(c: StoreConfig, failures: number, capMs = Infinity): number {
  return Math.min(capMs, c.maxBackoffMs, c.retryMs * 2 ** Math.max(0, failures - 1));
}

/**
 * While a server cannot be reached at all (refused, reset, no route), a try costs it nothing: the first
 * UNREACHABLE_FAST_TRIES retries come at most UNREACHABLE_RETRY_MS apart, so a server that returns (an engine
 * restarted on another port, a network back) is found within that time; an outage longer than that
 * (about 5 minutes: a machine offline) falls back to the doubling backoff.
 */
export const UNREACHABLE_RETRY_MS = 5000;
export const UNREACHABLE_FAST_TRIES = 60;
