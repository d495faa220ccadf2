/**
 * Plain JSON over HTTP to a REST server (a Session API gateway), the way McpConnection talks MCP: the
 * bearer token (sent, never logged), the server's shared request budget and the resilient fetch, the
 * caller's AbortSignal on every request, and error answers as BiltErrors.
 */
import { restError, transportError } from '../mcp/errors';
import { budgetFor, type RequestBudget } from './budget';
import { resilientFetch, type FetchLike, type ResilienceOptions } from './resilientFetch';

export interface RestOptions {
  /** The server's root; paths are appended to it. */
  root: URL;
  token?: string | undefined;
  /** The fetch under the resilience layer (tests inject failures here). */
  fetch?: FetchLike | undefined;
  budget?: RequestBudget | undefined;
  resilience?: Partial<Omit<ResilienceOptions, 'budget' | 'log'>> | undefined;
  /** Diagnostics (method, path, status); never headers or bodies. */
  log?: ((line: string) => void) | undefined;
}

export interface RestRequest {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal | undefined;
}

export class RestConnection {
  readonly root: URL;
  readonly budget: RequestBudget;
  private readonly fetch: FetchLike;

  constructor(private readonly o: RestOptions) {
    this.root = o.root;
    this.budget = o.budget ?? budgetFor(o.root);
    this.fetch = resilientFetch(o.fetch ?? globalThis.fetch, {
      ...o.resilience,
      budget: this.budget,
      ...(o.log ? { log: o.log } : {}),
    });
  }

  /** The answer's JSON (undefined when empty, the text when not JSON), or a BiltError. */
  async request(method: string, path: string, r: RestRequest = {}): Promise<unknown> {
    const url = new URL(`${this.root.href.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(r.query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(name, String(value));
      }
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (r.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (this.o.token) {
      headers['authorization'] = `Bearer ${this.o.token}`;
    }
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(url, {
        method,
        headers,
        ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
        ...(r.signal ? { signal: r.signal } : {}),
      });
      text = await res.text();
    } catch (e) {
      throw r.signal?.aborted ? r.signal.reason : transportError(e, url.href);
    }
    const answer = text ? parseJsonOrText(text) : undefined;
    if (!res.ok) {
      this.o.log?.(`${method} ${url.pathname}: HTTP ${res.status}`);
      throw restError(res.status, url.href, answer, res.headers);
    }
    return answer;
  }
}

/** JSON text's value, or the text itself when it is not JSON. */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
