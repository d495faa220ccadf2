/** Small HTTP helpers: JSON answers in the contract's error shape, and bounded body reading. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BiltError } from '../../core/errors';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, details }, headers);
}

const STATUS_OF: Record<BiltError['code'], number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_state: 409,
  rate_limited: 429,
  unsupported: 501,
  unavailable: 503,
  protocol: 502,
  internal: 500,
};

/** The HTTP status of each error code: the one map for every route. */
export function statusOf(code: BiltError['code']): number {
  return STATUS_OF[code];
}

export function sendBiltError(res: ServerResponse, e: BiltError): void {
  sendJson(res, STATUS_OF[e.code], e.toBody());
}

/** The largest request body any route reads (MCP and Session API). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** Reads and parses a JSON body of at most `limit` bytes; undefined for an empty body. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new BodyTooLarge(`request body exceeds ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) {
    return undefined;
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
