/**
 * The Session API's error answers, `{error, code, details}` (ApiError in core/contract/sessionApi.ts):
 * a BiltError keeps its code and gets its status from the one map (respond.ts statusOf), with
 * Retry-After when it says when to retry; what the HTTP layer itself refuses (no route, wrong method,
 * body too large or not JSON) is an HttpRefusal with its own status. Never a stack trace.
 */
import type { ServerResponse } from 'node:http';
import { isBiltError } from '../../core/errors';
import { sendJson, statusOf } from './respond';

export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendApiFailure(
  res: ServerResponse,
  status: number,
  code: string,
  error: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, code, details }, headers);
}

/** Answers a refusal (HttpRefusal or BiltError); anything else is rethrown for the server's 500. */
export function sendApiError(res: ServerResponse, e: unknown): void {
  if (e instanceof HttpRefusal) {
    return sendApiFailure(res, e.status, e.code, e.message, e.details, e.headers);
  }
  if (!isBiltError(e)) {
    throw e;
  }
  const retryAfter = e.retryAfterSeconds;
  sendApiFailure(
    res,
    statusOf(e.code),
    e.code,
    e.message,
    e.details,
    retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
  );
}

export const methodNotAllowed = (method: string, allowed: string[]) =>
  new HttpRefusal(
    405,
    'method_not_allowed',
    'Method not allowed',
    { message: `${method} is not allowed here; use ${allowed.join(' or ')}`, allowed },
    { allow: allowed.join(', ') },
  );

export const noRoute = (method: string, path: string) =>
  new HttpRefusal(404, 'not_found', 'Not found', { message: `No route ${method} ${path}` });
