/**
 * The Session API under /api (seed 003), behind the same guard as every route: the path and method
 * pick the route (an unknown path is 404, a method the path does not offer 405 with Allow), a session
 * id that names no session is 404 before anything else is read, and the answer is sent once the state
 * it shows is durable (as the MCP tools answer). Errors are `{error, code, details}` (apiErrors.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { NoQuery } from '../../core/contract/sessionApi';
import { notFound } from '../../core/errors';
import type { EngineService } from '../service/engineService';
import { methodNotAllowed, noRoute, sendApiError } from './apiErrors';
import { parseQuery, type ApiAnswer, type ApiCall } from './apiInput';
import { buildOpenApi } from './openApi';
import { sendJson } from './respond';
import { messagesRoute, sendMessageRoute } from './sessionMessageRoutes';
import {
  createSessionRoute,
  deleteSessionRoute,
  getSessionRoute,
  listSessionsRoute,
  patchSessionRoute,
} from './sessionRoutes';

export const SESSION_API_PATH = '/api/sessions';
export const OPENAPI_PATH = '/api/openapi.json';

type Handler = (call: ApiCall) => Promise<ApiAnswer>;

interface Route {
  pattern: RegExp;
  /** The path names a session (its id is the first group). */
  hasSession: boolean;
  methods: Partial<Record<string, Handler>>;
}

export interface SessionApiOptions {
  svc: EngineService;
  /** The engine's own URL, for the OpenAPI document's servers. */
  baseUrl: () => string;
}

const SessionId = z.uuid();

export function isSessionApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function sessionApiRoutes(options: SessionApiOptions) {
  let document: unknown;
  const openApi: Handler = async ({ url }) => {
    parseQuery(NoQuery, url);
    return { status: 200, body: (document ??= buildOpenApi(options.baseUrl())) };
  };
  const routes: Route[] = [
    { pattern: /^\/api\/sessions$/, hasSession: false, methods: { GET: listSessionsRoute, POST: createSessionRoute } },
    {
      pattern: /^\/api\/sessions\/([^/]+)$/,
      hasSession: true,
      methods: { GET: getSessionRoute, PATCH: patchSessionRoute, DELETE: deleteSessionRoute },
    },
    { pattern: /^\/api\/sessions\/([^/]+)\/message$/, hasSession: true, methods: { POST: sendMessageRoute } },
    { pattern: /^\/api\/sessions\/([^/]+)\/messages$/, hasSession: true, methods: { GET: messagesRoute } },
    { pattern: /^\/api\/openapi\.json$/, hasSession: false, methods: { GET: openApi } },
  ];

  return async function handleSessionApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    try {
      const answer = await dispatch(routes, { req, url, svc: options.svc, sessionId: '' }, method, path);
      await options.svc.settled();
      sendJson(res, answer.status, answer.body, answer.headers);
    } catch (e) {
      sendApiError(res, e);
    }
  };
}

async function dispatch(routes: Route[], call: ApiCall, method: string, path: string): Promise<ApiAnswer> {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) {
      continue;
    }
    const handler = route.methods[method];
    if (!handler) {
      throw methodNotAllowed(method, Object.keys(route.methods));
    }
    if (!route.hasSession) {
      return handler(call);
    }
    const sessionId = decoded(match[1]!);
    if (!SessionId.safeParse(sessionId).success || !call.svc.peekSessionExists(sessionId)) {
      throw notFound('Session', { session_id: sessionId });
    }
    return handler({ ...call, sessionId });
  }
  throw noRoute(method, path);
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed %-escapes: not a session id either way
  }
}
