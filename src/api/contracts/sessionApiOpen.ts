/** Reaching a Session API gateway: its root from the URL people configure, and proof that it is one. */
import type { RequestBudget } from '../http/budget';
import { RestConnection, type RestOptions } from '../http/restConnection';
import type { FetchLike } from '../http/resilientFetch';
import { SessionApiBackend } from './sessionApiBackend';
import { SESSIONS_PATH } from './sessionApiCalls';

export interface SessionApiOptions {
  /** The gateway's root, or its …/api or …/api/sessions URL. */
  url: string;
  token?: string | undefined;
  fetch?: FetchLike | undefined;
  budget?: RequestBudget | undefined;
  resilience?: RestOptions['resilience'];
  log?: ((line: string) => void) | undefined;
}

const API_PATH = /\/api(\/sessions)?\/*$/;

/** Whether a URL names a gateway's API rather than an MCP endpoint (its path ends in /api or /api/sessions). */
export const isSessionApiUrl = (url: string): boolean => API_PATH.test(new URL(url).pathname);

/** The gateway's root: the URL without a trailing /api or /api/sessions (and without query or fragment). */
export function gatewayRoot(url: string): URL {
  const root = new URL(url);
  root.pathname = root.pathname.replace(API_PATH, '').replace(/\/+$/, '') || '/';
  root.search = '';
  root.hash = '';
  return root;
}

/** Where a gateway lists its sessions, for a URL people configure. */
export const sessionListUrl = (url: string): string =>
  new URL(`${gatewayRoot(url).href.replace(/\/+$/, '')}${SESSIONS_PATH}`).href;

/**
 * Opens a gateway: its session list (in either known shape) proves it is one; its first session, if
 * any, tells whether it keeps message history (capabilities.missing), so that shows from the start.
 */
export async function openSessionApi(o: SessionApiOptions, signal?: AbortSignal): Promise<SessionApiBackend> {
  const backend = new SessionApiBackend(
    new RestConnection({
      root: gatewayRoot(o.url),
      token: o.token,
      fetch: o.fetch,
      budget: o.budget,
      resilience: o.resilience,
      log: o.log,
    }),
  );
  const [first] = await backend.calls.list({ signal });
  if (first) {
    await backend.getMessages({ sessionId: first.id, projectId: first.id }, { limit: 1 }, { signal }).catch(() => {
      signal?.throwIfAborted(); // a history that fails to read now is the watch's concern, not the connection's
    });
  }
  return backend;
}
