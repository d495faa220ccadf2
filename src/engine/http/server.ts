/**
 * The engine's HTTP front: loopback only, every request checked (Host/Origin, then token, then the
 * optional request budget) before it is routed to an MCP contract, the event stream or a control route.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ToolServerOptions, ToolSet } from '../../mcp/kit/toolServer';
import type { EventBus } from '../events/eventBus';
import type { EngineService } from '../service/engineService';
import { handleControl, type EngineInfo } from './controlRoutes';
import { handleEvents } from './eventsRoute';
import { hostRefusal, RequestBudget, tokenMatches } from './guard';
import { handleMcp } from './mcpRoute';
import { BodyTooLarge, readJsonBody, sendError } from './respond';

export const SEED_MCP_PATH = '/mcp';
export const LIVE_MCP_PATH = '/live/mcp';
export const EVENTS_PATH = '/events';
const MAX_BODY_BYTES = 1024 * 1024;

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
  log(line: string): void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const budget = o.rateLimitPerMinute > 0 ? new RequestBudget(o.rateLimitPerMinute) : undefined;
  let port = o.port;
  const server = http.createServer((req, res) => {
    void route(req, res).catch((e: unknown) => {
      o.log(`request ${req.method} ${req.url} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      sendError(res, 500, 'Internal error', { message: e instanceof Error ? e.message : String(e) });
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refusal = hostRefusal(req, port);
    if (refusal) {
      return sendError(res, 403, 'Forbidden', { message: refusal });
    }
    if (!tokenMatches(req, o.token)) {
      return sendError(
        res,
        401,
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
        return sendError(
          res,
          429,
          'Rate limit exceeded',
          { message: `Too many requests; retry in ${d.retryAfterSeconds} s`, retry_after: d.retryAfterSeconds },
          { 'retry-after': String(d.retryAfterSeconds) },
        );
      }
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname.replace(/\/+$/, '') || '/';
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
      return handleMcp(req, res, body, tools, o.toolServer);
    }
    if (path === `${SEED_MCP_PATH}/sse` || path === `${LIVE_MCP_PATH}/sse`) {
      return sendError(res, 410, 'Gone', {
        message: `The legacy SSE transport is no longer available; use Streamable HTTP at ${path.slice(0, -4)}`,
      });
    }
    if (path === EVENTS_PATH) {
      return handleEvents(req, res, url, o.bus, (id) => o.service.peekSessionExists(id));
    }
    if (await handleControl(req, res, path, o.service, o.info())) {
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
