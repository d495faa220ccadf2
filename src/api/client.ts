/**
 * Connecting to any Bilt-compatible server: the local engine (either contract), the live Bilt service
 * (https://mcp.bilt.me/mcp), a Session API gateway (REST under /api/sessions), or another URL. Detects
 * the kind of server, the contract and whether the server pushes events, and hands back one BiltClient
 * whatever it found.
 */
import { BiltError, isBiltError } from '../core/errors';
import type { BiltBackend, SessionRef } from './backend';
import { detectContract } from './contracts/detect';
import { LiveBackend } from './contracts/liveBackend';
import { SeedBackend } from './contracts/seedBackend';
import { isSessionApiUrl, openSessionApi, sessionListUrl } from './contracts/sessionApiOpen';
import type { RequestBudget } from './http/budget';
import type { FetchLike } from './http/resilientFetch';
import { McpConnection, type ConnectionOptions } from './mcp/connection';
import { watchSession, type WatchEvent, type WatchOptions } from './watch/watch';

export const LIVE_BILT_URL = 'https://mcp.bilt.me/mcp';

/**
 * 'bilt': the Bilt MCP contracts (seed or live); 'session-api': a Session API gateway; undefined:
 * detect (MCP first, then the gateway's session list where the server is no MCP server).
 */
export type ServerKind = 'bilt' | 'session-api';

export interface ClientOptions {
  url: string;
  kind?: ServerKind | undefined;
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
    /** The server's request budget, shared by everything in this process that talks to it. */
    readonly budget: RequestBudget,
    /** The MCP connection (Bilt MCP servers only). */
    readonly connection: McpConnection | undefined,
    /** The server's push stream (the local engine's /events), if it has one. */
    readonly eventsUrl: string | undefined,
    private readonly token: string | undefined,
  ) {}

  static async connect(o: ClientOptions, signal?: AbortSignal): Promise<BiltClient> {
    if (o.kind === 'session-api' || (o.kind === undefined && isSessionApiUrl(o.url))) {
      return BiltClient.connectSessionApi(o, signal);
    }
    try {
      return await BiltClient.connectMcp(o, signal);
    } catch (mcpError) {
      // not an MCP server at all (no endpoint, or something else answered): perhaps a gateway
      if (o.kind === 'bilt' || signal?.aborted || !isBiltError(mcpError) || mcpError.code !== 'protocol') {
        throw mcpError;
      }
      return BiltClient.connectSessionApi(o, signal).catch((gatewayError: unknown) => {
        throw signal?.aborted || gatewayAnswered(gatewayError)
          ? gatewayError
          : neitherError(o.url, mcpError, gatewayError);
      });
    }
  }

  private static async connectSessionApi(o: ClientOptions, signal?: AbortSignal): Promise<BiltClient> {
    const backend = await openSessionApi(o, signal);
    return new BiltClient(backend, backend.rest.budget, undefined, undefined, o.token);
  }

  private static async connectMcp(o: ClientOptions, signal?: AbortSignal): Promise<BiltClient> {
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
    return new BiltClient(backend, mcp.budget, mcp, eventsUrl, o.token);
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

/** The gateway is there but refused (a wrong token, a rate limit): that is what to tell. */
const gatewayAnswered = (e: unknown) =>
  isBiltError(e) && ['unauthorized', 'forbidden', 'rate_limited'].includes(e.code);

/** Neither an MCP server nor a Session API gateway: the MCP error, naming both attempts. */
function neitherError(url: string, mcpError: BiltError, gatewayError: unknown): BiltError {
  const sessionsUrl = sessionListUrl(url);
  const gateway = isBiltError(gatewayError) ? gatewayError : undefined;
  const why = gateway
    ? `${gateway.message}${gateway.details['status'] ? ` (HTTP ${gateway.details['status']})` : ''}`
    : String(gatewayError);
  return new BiltError(mcpError.code, `${mcpError.message}, and no Session API at ${sessionsUrl}`, {
    ...mcpError.details,
    message: `MCP: ${String(mcpError.details['message'] ?? mcpError.message)}; GET ${sessionsUrl}: ${why}`,
  });
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
