/** Fakes for the client's unit tests: a clock whose sleeps advance it, a sleep the test releases by hand, scripted fetches. */
import type { FetchLike } from '../../../src/api/http/resilientFetch';

const abortReason = (signal: AbortSignal) =>
  signal.reason ?? Object.assign(new Error('aborted'), { name: 'AbortError' });

/** Time that only moves when something sleeps; every sleep is recorded. */
export class FakeClock {
  t = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  /** Called at the start of each sleep (e.g. to look at a budget while a retry waits). */
  onSleep: ((ms: number) => void) | undefined;
  readonly now = () => this.t;
  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) {
      throw abortReason(signal);
    }
    this.onSleep?.(ms);
    this.sleeps.push(ms);
    this.t += ms;
  };
}

interface PendingSleep {
  ms: number;
  resolve(): void;
}

/** Sleeps that stay pending until the test calls `release()`; they reject when their signal aborts. */
export class ManualSleep {
  readonly requested: number[] = [];
  private readonly pending: PendingSleep[] = [];
  private readonly waiters: Array<() => void> = [];

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        return reject(abortReason(signal));
      }
      const p: PendingSleep = { ms, resolve: () => resolve() };
      signal?.addEventListener(
        'abort',
        () => {
          this.pending.splice(this.pending.indexOf(p), 1);
          reject(abortReason(signal));
        },
        { once: true },
      );
      this.requested.push(ms);
      this.pending.push(p);
      for (const w of this.waiters.splice(0)) {
        w();
      }
    });

  get count(): number {
    return this.pending.length;
  }

  /** Resolves once `n` sleeps have been requested in all (bounded: mocha's timeout). */
  async requestedAtLeast(n: number): Promise<number[]> {
    while (this.requested.length < n) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
    return this.requested;
  }

  /** Ends the oldest pending sleep. */
  release(): void {
    const p = this.pending.shift();
    if (!p) {
      throw new Error('no sleep is pending');
    }
    p.resolve();
  }
}

export type Step = Response | Error | ((init: RequestInit | undefined) => Response | Promise<Response>);

/** A fetch that answers from a script, one step per call, and records what it was asked. */
export function scriptedFetch(
  steps: Step[],
): FetchLike & { calls: Array<{ url: string; init: RequestInit | undefined }> } {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const f = async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const step = steps.shift();
    if (!step) {
      throw new Error(`unscripted call ${calls.length}`);
    }
    if (step instanceof Error) {
      throw step;
    }
    return typeof step === 'function' ? step(init) : step;
  };
  return Object.assign(f, { calls });
}

export const status = (code: number, headers: Record<string, string> = {}) =>
  new Response(code === 204 ? null : `{"status":${code}}`, { status: code, headers });

/** The error undici's fetch throws when a connection fails, with the system error code as its cause. */
export const netError = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} 127.0.0.1:9`), { code }) });

/** A JSON-RPC POST body as the SDK sends it. */
export const rpc = (method: string, params: Record<string, unknown> = {}, id = 1) =>
  JSON.stringify({ jsonrpc: '2.0', id, method, params });
export const toolCall = (name: string, args: Record<string, unknown> = {}) =>
  rpc('tools/call', { name, arguments: args });
export const post = (body: string, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  body,
  ...(signal ? { signal } : {}),
});

/** Lets queued microtasks and immediates run (to show that nothing more happens). */
export const settle = async (turns = 5) => {
  for (let i = 0; i < turns; i++) {
    await new Promise((r) => setImmediate(r));
  }
};
