/**
 * The fetch every client request goes through: it draws from the server's request budget, retries
 * what is safe to retry (network errors before sending, 429/503 always, other 5xx for read-only
 * calls) with backoff and jitter, and honours Retry-After / X-RateLimit-Reset. No timeout of its own:
 * a blocking call may legitimately take minutes; callers cancel with their AbortSignal.
 */
import type { RequestBudget } from './budget';
import { backoffMs, isIdempotentRequest, retryableNetworkError, retryableStatus, serverDelayMs } from './retry';
import { abortableSleep } from './sleep';

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

export interface ResilienceOptions {
  budget: RequestBudget;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A server wait longer than this is not slept through: the 429 is returned to the caller. */
  maxServerWaitMs?: number;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Diagnostics (method, status, delay); never headers or bodies. */
  log?: (line: string) => void;
}

export function resilientFetch(inner: FetchLike, o: ResilienceOptions): FetchLike {
  const maxRetries = o.maxRetries ?? 4;
  const base = o.baseDelayMs ?? 250;
  const cap = o.maxDelayMs ?? 15_000;
  const maxServerWait = o.maxServerWaitMs ?? 60_000;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? abortableSleep;
  // The SDK cancels a call with notifications/cancelled, never through fetch's signal: a request still
  // waiting (for the budget or a retry) when its cancellation passes by is dropped, not sent late.
  const waiting = new Map<unknown, AbortController>();
  return async (url, init) => {
    const rpc = rpcOf(init?.body);
    if (rpc.cancels !== undefined) {
      waiting.get(rpc.cancels)?.abort(new DOMException('The request was cancelled', 'AbortError'));
    }
    // the waits' signal: the request's own (the transport's), or the cancellation of its JSON-RPC id
    const own = new AbortController();
    const forward = () => own.abort(init?.signal?.reason);
    if (init?.signal?.aborted) {
      forward();
    } else {
      init?.signal?.addEventListener('abort', forward, { once: true });
    }
    if (rpc.id !== undefined) {
      waiting.set(rpc.id, own);
    }
    try {
      return await attempts(url, init, own.signal);
    } finally {
      init?.signal?.removeEventListener('abort', forward);
      if (waiting.get(rpc.id) === own) {
        waiting.delete(rpc.id);
      }
    }
  };

  async function attempts(url: string | URL, init: RequestInit | undefined, signal: AbortSignal): Promise<Response> {
    const idempotent = isIdempotentRequest(init?.method, init?.body);
    for (let attempt = 0; ; attempt++) {
      await o.budget.acquire(signal);
      signal.throwIfAborted();
      let res: Response;
      try {
        res = await inner(url, init);
      } catch (e) {
        if (signal.aborted || attempt >= maxRetries || !retryableNetworkError(e, idempotent)) {
          throw e;
        }
        const d = backoffMs(attempt, base, cap, o.random);
        o.log?.(`network error (${(e as Error).message}); retry ${attempt + 1} in ${d} ms`);
        await sleep(d, signal);
        continue;
      }
      if (attempt >= maxRetries || !retryableStatus(res.status, idempotent)) {
        return res;
      }
      const told = serverDelayMs(res.headers, now());
      if (told !== undefined && told > maxServerWait) {
        // too long to wait inside a call: hand the 429 back, but hold every other user of this server too
        if (res.status === 429) {
          o.budget.pauseUntil(now() + told);
        }
        return res;
      }
      const d = told ?? backoffMs(attempt, base, cap, o.random);
      if (res.status === 429) {
        o.budget.pauseUntil(now() + d);
      }
      o.log?.(`HTTP ${res.status}; retry ${attempt + 1} in ${d} ms`);
      await res.body?.cancel().catch(() => undefined);
      await sleep(d, signal);
    }
  }
}

/** The JSON-RPC id of a request body, or the id a cancellation notification names. */
function rpcOf(body: unknown): { id?: unknown; cancels?: unknown } {
  if (typeof body !== 'string') {
    return {};
  }
  try {
    const m = JSON.parse(body) as { id?: unknown; method?: string; params?: { requestId?: unknown } };
    return m.method === 'notifications/cancelled' ? { cancels: m.params?.requestId } : { id: m.id ?? undefined };
  } catch {
    return {};
  }
}
