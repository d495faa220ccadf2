/**
 * The engine's HTTP front: loopback only, every request checked (Host/Origin, then token, then the
 * optional request budget) before it is routed to an MCP contract, the Session API, the event stream
 * or a control route. Refusals under /api use the Session API's error shape `{error, code, details}`.
 * The one exception: the builder's apps under /apps/ (read-only, GET/HEAD; a loopback Host, no token).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ToolServerOptions, ToolSet } from '../../mcp/kit/toolServer';
import type { EventBus } from '../events/eventBus';
import type { EngineService } from '../service/engineService';
import { sendApiFailure } from './apiErrors';
import { handleControl, type EngineInfo } from './controlRoutes';
import { handleEvents } from './eventsRoute';
import { isAppPath, handleAppRequest } from './appsRoute';
import { appHostRefusal, hostRefusal, RequestBudget, tokenMatches } from './guard';
import { McpCalls } from './mcpCalls';
import { handleMcp } from './mcpRoute';
import { BodyTooLarge, MAX_BODY_BYTES, readJsonBody, sendError } from './respond';
import { isSessionApiPath, sessionApiRoutes } from './sessionApiRoutes';

export const SEED_MCP_PATH = '/mcp';
export const LIVE_MCP_PATH = '/live/mcp';
export const EVENTS_PATH = '/events';

/** The route's path: no trailing slashes. */
const pathOf = (url: URL) => url.pathname.replace(/\/+$/, '') || '/';

export interface HttpServerOptions {
  port: number;
  token: string;
  /** Requests per minute (0 = unlimited). */
  rateLimitPerMinute: number;
  service: EngineService;
  bus: EventBus;
  seedTools: ToolSet;
  liveTools: ToolSet;
  toolServer: ToolServerOptions;
  info: () => EngineInfo;
  /** The folder of a project's built app (served read-only at /apps/<projectId>/ without the token). */
  appDir?: (projectId: string) => string | undefined;
  log(line: string): void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const budget = o.rateLimitPerMinute > 0 ? new RequestBudget(o.rateLimitPerMinute) : undefined;
  const calls = new McpCalls();
  let port = o.port;
  const handleSessionApi = sessionApiRoutes({ svc: o.service, baseUrl: () => `http://127.0.0.1:${port}` });
  const server = http.createServer((req, res) => {
    void route(req, res).catch((e: unknown) => {
      o.log(`request ${req.method} ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const message = e instanceof Error ? e.message : String(e);
      if (isApiRequest(req)) {
        sendApiFailure(res, 500, 'internal', 'Internal error', { message });
      } else {
        sendError(res, 500, 'Internal error', { message });
      }
    });
  });

  const urlOf = (req: http.IncomingMessage) => new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  /** Whether a request that failed was for the Session API (false when even its URL is unreadable). */
  const isApiRequest = (req: http.IncomingMessage) => {
    try {
      return isSessionApiPath(pathOf(urlOf(req)));
    } catch {
      return false;
    }
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = urlOf(req);
    const path = pathOf(url);
    const api = isSessionApiPath(path);
    /** The guard's refusals, in the shape of the API the path belongs to. */
    const refuse = (
      status: number,
      code: string,
      error: string,
      details: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) =>
      api
        ? sendApiFailure(res, status, code, error, details, headers)
        : sendError(res, status, error, details, headers);
    if (o.appDir && isAppPath(path)) {
      const refused = appHostRefusal(req);
      if (refused) {
        return refuse(403, 'forbidden', 'Forbidden', { message: refused });
      }
      // read-only, before the token: a browser opens the app (appsRoute.ts)
      if (!handleAppRequest(req, res, o.appDir)) {
        sendError(res, 404, 'Not found', { message: `No route ${req.method} ${path}` });
      }
      return;
    }
    const refusal = hostRefusal(req, port);
    if (refusal) {
      return refuse(403, 'forbidden', 'Forbidden', { message: refusal });
    }
    if (!tokenMatches(req, o.token)) {
      return refuse(
        401,
        'unauthorized',
        'Invalid or expired API key',
        { message: 'Send Authorization: Bearer <token> (see the engine discovery file)' },
        { 'www-authenticate': 'Bearer' },
      );
    }
    if (budget) {
      const d = budget.take();
      for (const [k, v] of Object.entries(d.headers)) {
        res.setHeader(k, v);
      }
      if (!d.allowed) {
        return refuse(
          429,
          'rate_limited',
          'Rate limit exceeded',
          { message: `Too many requests; retry in ${d.retryAfterSeconds} s`, retry_after: d.retryAfterSeconds },
          { 'retry-after': String(d.retryAfterSeconds) },
        );
      }
    }
    if (api) {
      return handleSessionApi(req, res, url, path);
    }
    if (path === SEED_MCP_PATH || path === LIVE_MCP_PATH) {
      let body: unknown;
      try {
        body = req.method === 'POST' ? await readJsonBody(req, MAX_BODY_BYTES) : undefined;
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          return sendError(res, 413, 'Request too large', { message: e.message, limit: MAX_BODY_BYTES });
        }
        return sendError(res, 400, 'Parse error', { message: 'The body is not valid JSON' });
      }
      const tools = path === SEED_MCP_PATH ? o.seedTools : o.liveTools;
      return handleMcp(req, res, body, tools, o.toolServer, calls);
    }
    if (path === `${SEED_MCP_PATH}/sse` || path === `${LIVE_MCP_PATH}/sse`) {
      return sendError(res, 410, 'Gone', {
        message: `The legacy SSE transport is no longer available; use Streamable HTTP at ${path.slice(0, -4)}`,
      });
    }
    if (path === EVENTS_PATH) {
      return handleEvents(req, res, url, o.bus, (id) => o.service.peekSessionExists(id));
    }
    const { streams, waiters } = o.bus.activity();
    const activity = { waiters, eventStreams: streams, mcpCalls: calls.size };
    if (await handleControl(req, res, path, o.service, { ...o.info(), activity })) {
      return;
    }
    sendError(res, 404, 'Not found', { message: `No route ${req.method} ${path}` });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 0; // blocking calls (wait_for_response) may legitimately take minutes
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
