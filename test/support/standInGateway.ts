/**
 * A stand-in Session API gateway for tests: node:http on 127.0.0.1 (port 0), answering in the shapes
 * the open-source gateway's running code answers, not the documented ones: sessions with session_data
 * and updated_at (no message_count, no last_active), `{sessions}` (or a bare array) for lists, POST 201
 * with the bare object, DELETE `{deleted}`, errors `{error}` with 400/404/500, the whole history at once
 * as a bare array of `{id, role, content, timestamp}`. Also PATCH status and POST …/message (which the
 * documentation has). Scriptable: add sessions, push messages, set statuses, fail the next request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInSession {
  id: string;
  agent_id: string;
  task_id: string | null;
  status: string;
  prompt: string | null;
  session_data: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface StandInMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  timestamp: string;
}

export interface StandInRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

export interface StandInOptions {
  /** Requests without `Authorization: Bearer <token>` are refused with 401. */
  token?: string;
  /** Whether GET /api/sessions/:id/messages exists (default true). */
  messages?: boolean;
  /** How lists are answered: `{sessions}` as the running code does (default), or a bare array. */
  list?: 'wrapped' | 'bare';
}

interface Failure {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class StandInGateway {
  readonly sessions = new Map<string, StandInSession>();
  readonly history = new Map<string, StandInMessage[]>();
  readonly requests: StandInRequest[] = [];
  private readonly failures: Failure[] = [];
  private server: http.Server | undefined;
  private ids = 0;
  private clock = Date.parse('2026-01-16T10:00:00.000Z');
  /** The root URL (no trailing slash), once started. */
  url = '';

  constructor(private readonly options: StandInOptions = {}) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addSession(fields: Partial<StandInSession> = {}): StandInSession {
    const at = this.tick();
    const session: StandInSession = {
      id: `session-${++this.ids}`,
      agent_id: 'CLAUDE_CODE',
      task_id: null,
      status: 'created',
      prompt: null,
      session_data: {},
      created_at: at,
      updated_at: at,
      ...fields,
    };
    this.sessions.set(session.id, session);
    this.history.set(session.id, []);
    return session;
  }

  pushMessage(sessionId: string, role: StandInMessage['role'], content: string): StandInMessage {
    const list = this.history.get(sessionId)!;
    const message = { id: `msg-${sessionId}-${list.length + 1}`, role, content, timestamp: this.tick() };
    list.push(message);
    return message;
  }

  setStatus(sessionId: string, status: string): void {
    Object.assign(this.sessions.get(sessionId)!, { status, updated_at: this.tick() });
  }

  /** The next request (whatever it is) is answered with this status and body. */
  failNext(status: number, body: unknown = { error: `HTTP ${status}` }, headers: Record<string, string> = {}): void {
    this.failures.push({ status, body, headers });
  }

  /** The requests that reached a path (method and path, e.g. 'PATCH /api/sessions/session-1'). */
  requestsTo(methodAndPath: string): StandInRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === methodAndPath);
  }

  private tick(): string {
    return new Date((this.clock += 1000)).toISOString();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    let raw = '';
    for await (const chunk of req) {
      raw += String(chunk);
    }
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body,
    };
    this.requests.push(request);
    const send = (status: number, answer: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(answer));
    };
    if (this.options.token && req.headers.authorization !== `Bearer ${this.options.token}`) {
      return send(401, { error: 'Unauthorized' });
    }
    const failure = this.failures.shift();
    if (failure) {
      return send(failure.status, failure.body, failure.headers);
    }
    const answer = this.route(request);
    send(answer.status, answer.body);
  }

  private route(r: StandInRequest): { status: number; body: unknown } {
    const ok = (body: unknown, status = 200) => ({ status, body });
    const notFound = (id: string) => ({ status: 404, body: { error: `Session not found: ${id}` } });
    const noRoute = {
      status: 404,
      body: { message: `Route ${r.method}:${r.path} not found`, error: 'Not Found', statusCode: 404 },
    };
    const [, api, sessions, id, sub, extra] = r.path.split('/');
    if (api !== 'api' || sessions !== 'sessions' || extra !== undefined) {
      return noRoute;
    }
    if (id === undefined || id === '') {
      if (r.method === 'GET') {
        const list = [...this.sessions.values()];
        return ok(this.options.list === 'bare' ? list : { sessions: list });
      }
      if (r.method === 'POST') {
        const input = (r.body ?? {}) as { agent_id?: unknown; task_id?: string; prompt?: string };
        if (typeof input.agent_id !== 'string') {
          return { status: 400, body: { error: 'agent_id is required' } };
        }
        return ok(
          this.addSession({ agent_id: input.agent_id, task_id: input.task_id ?? null, prompt: input.prompt ?? null }),
          201,
        );
      }
      return noRoute;
    }
    const session = this.sessions.get(id);
    if (sub === undefined) {
      if (!session) {
        return r.method === 'PATCH' ? { status: 400, body: { error: `Session not found: ${id}` } } : notFound(id);
      }
      if (r.method === 'GET') {
        return ok(session);
      }
      if (r.method === 'PATCH') {
        const input = (r.body ?? {}) as { status?: string; prompt?: string; data?: Record<string, unknown> };
        Object.assign(session, {
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.prompt !== undefined ? { prompt: input.prompt } : {}),
          ...(input.data !== undefined ? { session_data: { ...session.session_data, ...input.data } } : {}),
          updated_at: this.tick(),
        });
        return ok(session);
      }
      if (r.method === 'DELETE') {
        this.sessions.delete(id);
        return ok({ deleted: id });
      }
      return noRoute;
    }
    if (sub === 'messages' && r.method === 'GET' && this.options.messages !== false) {
      return session ? ok(this.history.get(id)) : notFound(id);
    }
    if (sub === 'message' && r.method === 'POST') {
      if (!session) {
        return notFound(id);
      }
      const content = (r.body as { content?: unknown } | undefined)?.content;
      if (typeof content !== 'string' || content.length === 0) {
        return { status: 400, body: { error: 'content is required' } };
      }
      const message = this.pushMessage(id, 'user', content);
      this.setStatus(id, 'active');
      return ok({ message_id: message.id, status: 'sent', timestamp: message.timestamp });
    }
    return noRoute;
  }
}

/** A started stand-in gateway. */
export const startStandInGateway = (options: StandInOptions = {}) => new StandInGateway(options).start();
