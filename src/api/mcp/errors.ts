/**
 * Turns whatever went wrong on the way to a server into a BiltError an agent or a person can act on:
 * a tool's `{error, details}` result, an HTTP status from the transport or a REST server's error
 * answer, a JSON-RPC error, a network failure.
 */
import { ErrorCode as RpcCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { z } from 'zod';
import { BiltError, ERROR_CODES, isBiltError, type ErrorCode } from '../../core/errors';
import { certificateProblem, serverDelayMs } from '../http/retry';

function inferCode(text: string): ErrorCode {
  if (/rate limit/i.test(text)) {
    return 'rate_limited';
  }
  if (/not found/i.test(text)) {
    return 'not_found';
  }
  if (/already in progress|already exists/i.test(text)) {
    return 'conflict';
  }
  if (/cannot (cancel|resume)/i.test(text)) {
    return 'illegal_state';
  }
  if (/invalid request|invalid argument|must be|is required/i.test(text)) {
    return 'invalid_input';
  }
  if (/api key|unauthori[sz]ed|token/i.test(text)) {
    return 'unauthorized';
  }
  if (/forbidden|private/i.test(text)) {
    return 'forbidden';
  }
  return 'internal';
}

/** The text content of an `isError` tool result, as the contract's error body. */
export function toolError(tool: string, text: string): BiltError {
  try {
    const body = JSON.parse(text) as { error?: unknown; details?: Record<string, unknown> };
    if (typeof body.error === 'string') {
      const details = body.details && typeof body.details === 'object' ? body.details : {};
      const given = details['code'];
      const code =
        typeof given === 'string' && (ERROR_CODES as readonly string[]).includes(given)
          ? (given as ErrorCode)
          : inferCode(`${body.error} ${String(details['message'] ?? '')}`);
      const { code: _c, ...rest } = details;
      return new BiltError(code, body.error, { ...rest, tool });
    }
  } catch {
    // not JSON: the text itself is the message
  }
  return new BiltError(inferCode(text), text || `${tool} failed`, { tool });
}

function retryAfterFrom(text: string): number | undefined {
  const m = /"retry_after"\s*:\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * The HTTP statuses every kind of server means the same way (401, 403, 410, 429, 5xx), as BiltErrors;
 * undefined for the rest, which each caller reads in its own terms. `text`: the server's words.
 */
function sharedStatusError(status: number, url: string, text: string, retryAfter?: number): BiltError | undefined {
  if (status === 401) {
    return new BiltError('unauthorized', 'Invalid or expired API key', {
      status,
      url,
      message: 'Sign in again with a valid token',
    });
  }
  if (status === 403) {
    return new BiltError('forbidden', 'Forbidden', { status, url, message: text });
  }
  if (status === 410) {
    return new BiltError('unsupported', `${url} is a retired endpoint`, { status, message: text });
  }
  if (status === 429) {
    return new BiltError('rate_limited', 'Rate limit exceeded', {
      status,
      url,
      ...(retryAfter !== undefined ? { retry_after: retryAfter } : {}),
      message: `Too many requests${retryAfter !== undefined ? `; retry in ${retryAfter} s` : ''}`,
    });
  }
  if (status >= 500) {
    return new BiltError('unavailable', `The server at ${url} failed (HTTP ${status})`, { status, message: text });
  }
  return undefined;
}

const RestErrorBody = z.looseObject({
  error: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
  details: z.record(z.string(), z.unknown()).optional().catch(undefined),
});

/** Codes a REST status means when the body does not name one of ours. */
const REST_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  404: 'not_found',
  405: 'unsupported',
  409: 'conflict',
  413: 'invalid_input',
  422: 'invalid_input',
  500: 'internal',
};

/**
 * A REST server's error answer (a Session API gateway: `{error, code, details}` as documented, or
 * `{error}` alone as its running code answers) as a BiltError. 401, 403, 410, 429 and 502–504 mean what
 * they mean everywhere; otherwise the body's code wins where it is one of ours (409 is conflict or
 * illegal_state as the server says), then the status. Details such as field and limit are kept.
 */
export function restError(status: number, url: string, body: unknown, headers?: Headers): BiltError {
  const parsed = RestErrorBody.safeParse(body);
  const fields = parsed.success ? parsed.data : {};
  const details = fields.details ?? {};
  const words = fields.error ?? fields.message ?? (typeof body === 'string' ? body : '');
  const toldMs = headers ? serverDelayMs(headers, Date.now()) : undefined;
  const retryAfter =
    toldMs !== undefined
      ? Math.ceil(toldMs / 1000)
      : typeof details['retry_after'] === 'number'
        ? details['retry_after']
        : undefined;
  const shared = status === 500 ? undefined : sharedStatusError(status, url, words, retryAfter);
  if (shared) {
    return shared;
  }
  const named = [fields.code, details['code']].find((c): c is ErrorCode =>
    (ERROR_CODES as readonly unknown[]).includes(c),
  );
  const { code: _given, ...kept } = details;
  const code = named ?? REST_STATUS_CODES[status] ?? inferCode(words);
  return new BiltError(code, words || `HTTP ${status} from ${url}`, {
    ...kept,
    status,
    ...(retryAfter !== undefined ? { retry_after: retryAfter } : {}),
    ...(kept['message'] === undefined && words ? { message: words } : {}),
  });
}

/** Any failure of a request to `url`, as a BiltError (aborts are passed through unchanged). */
export function transportError(e: unknown, url: string): unknown {
  if (isBiltError(e) || (e instanceof Error && e.name === 'AbortError')) {
    return e;
  }
  if (e instanceof StreamableHTTPError) {
    const status = e.code ?? 0;
    const text = e.message;
    const shared = sharedStatusError(status, url, text, retryAfterFrom(text));
    if (shared) {
      return shared;
    }
    if (status === 404 || status === 405) {
      return new BiltError('protocol', `No MCP endpoint at ${url}`, { status, message: text });
    }
    return new BiltError('protocol', `Unexpected answer from ${url}`, { status, message: text });
  }
  if (e instanceof McpError) {
    // the SDK's own codes: no answer in time, or the connection went away; neither is a refusal
    if (e.code === RpcCode.RequestTimeout) {
      return new BiltError('unavailable', `The server at ${url} did not answer in time`, {
        rpc_code: e.code,
        message: e.message,
      });
    }
    if (e.code === RpcCode.ConnectionClosed) {
      return new BiltError('unavailable', `The connection to ${url} closed`, { rpc_code: e.code, message: e.message });
    }
    return new BiltError('protocol', `The server at ${url} refused the request`, {
      rpc_code: e.code,
      message: e.message,
    });
  }
  if (e instanceof TypeError || (e as { code?: string })?.code === 'ECONNREFUSED') {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const problem = cause?.code ? certificateProblem(cause.code) : undefined;
    const why = `${cause?.code ?? cause?.message ?? (e as Error).message}${problem ? ` (${problem})` : ''}`;
    // the route a proxy-aware fetch took (src/api/http/proxyRoute.ts): proxy, strict SSL, trusted CAs
    const route = (e as { route?: unknown }).route;
    return typeof route === 'string'
      ? new BiltError('unavailable', `Cannot reach ${url} ${route}: ${why}`, { message: why, route })
      : new BiltError('unavailable', `Cannot reach ${url}`, { message: why });
  }
  return new BiltError('internal', e instanceof Error ? e.message : String(e), { url });
}
