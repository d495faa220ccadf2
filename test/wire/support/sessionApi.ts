/**
 * The Session API (/api) over the wire for the tests: JSON requests with the engine's token, every
 * answer checked against the contract's output schema (no field missing, none extra), error answers
 * against ApiError, and a bounded wait for a session's status.
 */
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { ApiError, ApiSession, type ApiStatus } from '../../../src/core/contract/sessionApi';
import { until } from '../../support/until';
import type { Ready } from './engine';
import { bearer, request, type RawResponse } from './http';

export type ApiErrorBody = z.infer<typeof ApiError>;

/** Parses with the schema and asserts nothing was dropped: the answer is exactly the contract's shape. */
export function exactly<T extends z.ZodType>(schema: T, body: unknown, what = 'answer'): z.output<T> {
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `${what} does not match its schema: ${JSON.stringify(body)}\n${parsed.error?.message}`);
  assert.deepEqual(parsed.data, body, `${what} has fields its schema does not name`);
  return parsed.data;
}

export interface ApiClient {
  ready: Ready;
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
  /** Asserts the status and the output schema; returns the parsed answer. */
  ok<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    body?: unknown,
    status?: number,
  ): Promise<z.output<T>>;
  /** Asserts the error status and the ApiError shape; returns the body. */
  fails(status: number, method: string, path: string, body?: unknown): Promise<ApiErrorBody>;
  session(id: string): Promise<ApiSession>;
  create(body: Record<string, unknown>): Promise<ApiSession>;
}

export function apiClient(ready: () => Ready): ApiClient {
  const client: ApiClient = {
    get ready() {
      return ready();
    },
    raw(method, path, body, headers = {}) {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      // a length, so a body goes with any method (node sends DELETE bodies unframed otherwise)
      const length: Record<string, string> =
        text === undefined ? {} : { 'content-length': String(Buffer.byteLength(text)) };
      return request(ready(), path, {
        method,
        headers: { ...bearer(ready()), 'content-type': 'application/json', ...length, ...headers },
        ...(text === undefined ? {} : { body: text }),
      });
    },
    async ok(schema, method, path, body, status = 200) {
      const res = await client.raw(method, path, body);
      assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      return exactly(schema, res.json(), `${method} ${path}`);
    },
    async fails(status, method, path, body) {
      const res = await client.raw(method, path, body);
      return errorOf(res, status, `${method} ${path}`);
    },
    session: (id) => client.ok(ApiSession, 'GET', `/api/sessions/${id}`),
    create: (body) => client.ok(ApiSession, 'POST', '/api/sessions', body, 201),
  };
  return client;
}

/** Asserts an error answer: its status, JSON, exactly {error, code, details}, never a stack trace. */
export function errorOf(res: RawResponse, status: number, what = 'request'): ApiErrorBody {
  assert.equal(res.status, status, `${what}: ${res.text}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.doesNotMatch(res.text, /\n\s+at /, 'no stack trace');
  return exactly(ApiError, res.json(), `${what} error`);
}

/** Asserts `Invalid request body` naming the field (and the limit, when the rule has one). */
export function invalidField(body: ApiErrorBody, field: string, message: RegExp | string, limit?: number): void {
  assert.deepEqual([body.error, body.code, body.details['field']], ['Invalid request body', 'invalid_input', field]);
  if (typeof message === 'string') {
    assert.equal(body.details['message'], message);
  } else {
    assert.match(String(body.details['message']), message);
  }
  assert.equal(body.details['limit'], limit, `limit of ${field}`);
}

/** Polls GET /api/sessions/:id (bounded) until its status is one of `statuses`. */
export function apiSessionReaches(
  api: ApiClient,
  id: string,
  statuses: ApiStatus[],
  timeoutMs = 10_000,
): Promise<ApiSession> {
  return until(
    async () => {
      const s = await api.session(id);
      return statuses.includes(s.status) && s;
    },
    `session ${id} to reach ${statuses.join('/')}`,
    timeoutMs,
  );
}
