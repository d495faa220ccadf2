/**
 * Connecting to any Bilt-compatible server: the local engine (either contract), the live Bilt service
 * (https://mcp.bilt.me/mcp), or another URL. Detects the contract and whether the server pushes
 * events, and hands back one BiltClient whatever it found.
 */
import type { BiltBackend } from './backend';
import { detectContract } from './contracts/detect';
import { LiveBackend } from './contracts/liveBackend';
import { SeedBackend } from './contracts/seedBackend';
import type { RequestBudget } from './http/budget';
import type { FetchLike } from './http/resilientFetch';
import { McpConnection, type ConnectionOptions } from './mcp/connection';
import { watchSession, type WatchEvent, type WatchOptions } from './watch/watch';
import type { SessionRef } from './backend';

export const LIVE_BILT_URL = 'https://mcp.bilt.me/mcp';

export interface ClientOptions {
  url: string;
  token?: string | undefined;
  fetch?: FetchLike;
  budget?: RequestBudget;
  resilience?: ConnectionOptions['resilience'];
  clientName?: string;
  /** Diagnostics; never receives the token. */
  log?: (line: string) => void;
}

export class BiltClient {
  private constructor(
    readonly backend: BiltBackend,
    readonly connection: McpConnection,
    /** The server's push stream (the local engine's /events), if it has one. */
    readonly eventsUrl: string | undefined,
    private readonly token: string | undefined,
  ) {}

  static async connect(o: ClientOptions, signal?: AbortSignal): Promise<BiltClient> {
    const mcp = new McpConnection(o);
    let detected;
    try {
      detected = detectContract(await mcp.tools(signal), o.url);
    } catch (e) {
      await mcp.close(); // not a Bilt server (or none): do not keep its connection open
      throw e;
    }
    const eventsUrl = await probeEvents(new URL(o.url), o.token, o.fetch ?? globalThis.fetch);
    const capabilities = {
      resume: detected.kind === 'mcp-seed',
      answerViaSend: detected.kind === 'mcp-live',
      events: eventsUrl !== undefined,
      visibility: detected.kind === 'mcp-seed',
      createProject: true,
      answers: true,
      pause: false,
      delete: false,
      missing: [],
    };
    const backend =
      detected.kind === 'mcp-seed'
        ? new SeedBackend(mcp, capabilities)
        : new LiveBackend(mcp, capabilities, detected.paginates, o.log);
    return new BiltClient(backend, mcp, eventsUrl, o.token);
  }

  /** Session, workflow and message changes as they happen (push where the server has it, else polling). */
  watch(ref: SessionRef, options: WatchOptions = {}): AsyncIterable<WatchEvent> {
    return watchSession(this.backend, ref, {
      ...options,
      events: this.eventsUrl ? { url: this.eventsUrl, token: this.token } : undefined,
    });
  }

  close(): Promise<void> {
    return this.backend.close();
  }
}

/** A local engine announces itself at /engine/info; its event stream is then at /events. */
async function probeEvents(url: URL, token: string | undefined, fetch: FetchLike): Promise<string | undefined> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return undefined;
  }
  try {
    const res = await fetch(new URL('/engine/info', url), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(2000),
    });
    if (!res.ok) {
      return undefined;
    }
    const info = (await res.json()) as { name?: string; endpoints?: { events?: string } };
    return info.name === 'bilt-engine' ? new URL(info.endpoints?.events ?? '/events', url).href : undefined;
  } catch {
    return undefined;
  }
}
