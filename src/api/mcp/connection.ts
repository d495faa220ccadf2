/**
 * One MCP connection to a Bilt-compatible server over Streamable HTTP (the SDK's transport), with the
 * bearer token, the server's shared request budget and the resilient fetch. It connects lazily, lists
 * the tools once, and calls them with an AbortSignal and no short timeout.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Progress as McpProgress } from '@modelcontextprotocol/sdk/types.js';
import { BiltError, isBiltError } from '../../core/errors';
import { VERSION } from '../../core/version';
import { budgetFor, type RequestBudget } from '../http/budget';
import { parseJsonOrText } from '../http/restConnection';
import { resilientFetch, type FetchLike, type ResilienceOptions } from '../http/resilientFetch';
import { endBrokenStreams } from './brokenStreams';
import { toolError, transportError } from './errors';

export interface ToolInfo {
  name: string;
  inputSchema: { properties?: Record<string, unknown> };
}

export interface ConnectionOptions {
  url: string;
  token?: string | undefined;
  /** The fetch under the resilience layer (tests inject failures here). */
  fetch?: FetchLike;
  budget?: RequestBudget;
  /** Retry policy of the resilient fetch (e.g. a short maxServerWaitMs for interactive calls). */
  resilience?: Partial<Omit<ResilienceOptions, 'budget' | 'log'>>;
  clientName?: string;
  log?: (line: string) => void;
}

export interface ToolCallOptions {
  signal?: AbortSignal | undefined;
  onprogress?: ((p: McpProgress) => void) | undefined;
  /** The call may block for minutes (a wait for a workflow). */
  blocking?: boolean;
}

const READ_TIMEOUT_MS = 2 * 60_000;
const BLOCKING_TIMEOUT_MS = 15 * 60_000;

export class McpConnection {
  readonly url: URL;
  readonly budget: RequestBudget;
  private client: Client | undefined;
  private connecting: Promise<ToolInfo[]> | undefined;

  constructor(private readonly o: ConnectionOptions) {
    this.url = new URL(o.url);
    this.budget = o.budget ?? budgetFor(this.url);
  }

  /** Connects (once) and returns the server's tools. */
  tools(signal?: AbortSignal): Promise<ToolInfo[]> {
    this.connecting ??= this.open(signal).catch((e: unknown) => {
      this.connecting = undefined;
      throw signal?.aborted ? signal.reason : this.withServerWait(transportError(e, this.url.href));
    });
    return this.connecting;
  }

  /** Calls a tool; returns its structured result (or its JSON text), or throws a BiltError. */
  async call(name: string, args: Record<string, unknown>, o: ToolCallOptions = {}): Promise<unknown> {
    await this.tools(o.signal);
    // a signal of its own per call: the SDK never removes the abort listener it adds, so a long-lived
    // signal (a watch's) would otherwise collect one listener per call
    const own = new AbortController();
    const forward = () => own.abort(o.signal?.reason);
    if (o.signal?.aborted) {
      forward();
    } else {
      o.signal?.addEventListener('abort', forward, { once: true });
    }
    let result;
    try {
      result = await this.client!.callTool({ name, arguments: args }, undefined, {
        signal: own.signal,
        timeout: o.blocking ? BLOCKING_TIMEOUT_MS : READ_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
        ...(o.onprogress ? { onprogress: o.onprogress } : {}),
      });
    } catch (e) {
      // the SDK turns the caller's abort into an McpError (RequestTimeout): give the caller its own abort back
      if (o.signal?.aborted) {
        throw o.signal.reason;
      }
      throw this.withServerWait(transportError(e, this.url.href));
    } finally {
      o.signal?.removeEventListener('abort', forward);
    }
    const text =
      (result.content as Array<{ type: string; text?: string }> | undefined)?.find((c) => c.type === 'text')?.text ??
      '';
    if (result.isError) {
      throw toolError(name, text);
    }
    if (result.structuredContent !== undefined) {
      return result.structuredContent;
    }
    return parseJsonOrText(text);
  }

  /**
   * A 429 the server explained only in its Retry-After header (the SDK's error keeps the body, not the
   * headers): the wait the shared budget took from that header, so callers (the store's "rate limited
   * until …") know it too.
   */
  private withServerWait(e: unknown): unknown {
    const until = this.budget.pausedUntilTime;
    if (!isBiltError(e) || e.code !== 'rate_limited' || e.retryAfterSeconds !== undefined || until === undefined) {
      return e;
    }
    const seconds = Math.ceil((until - Date.now()) / 1000);
    return new BiltError(e.code, e.message, {
      ...e.details,
      retry_after: seconds,
      message: `Too many requests; retry in ${seconds} s`,
    });
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.connecting = undefined;
    await c?.close().catch(() => undefined);
  }

  private async open(signal?: AbortSignal): Promise<ToolInfo[]> {
    const headers: Record<string, string> = this.o.token ? { authorization: `Bearer ${this.o.token}` } : {};
    const fetch = endBrokenStreams(
      resilientFetch(this.o.fetch ?? globalThis.fetch, {
        ...this.o.resilience,
        budget: this.budget,
        ...(this.o.log ? { log: this.o.log } : {}),
      }),
    );
    const transport = new StreamableHTTPClientTransport(this.url, { requestInit: { headers }, fetch });
    const client = new Client({ name: this.o.clientName ?? 'bilt-client', version: VERSION });
    await client.connect(transport, { signal });
    try {
      const { tools } = await client.listTools(undefined, { signal });
      this.client = client;
      return tools as ToolInfo[];
    } catch (e) {
      await client.close().catch(() => undefined); // connected but no tool list: do not leak the connection
      throw e;
    }
  }
}
