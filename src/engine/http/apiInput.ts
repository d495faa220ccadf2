/**
 * What a Session API request brings, checked with the contract's zod schemas: the query (each
 * parameter at most once, unknown ones refused) and the JSON body (at most MAX_BODY_BYTES; not JSON
 * is a 400, too large a 413). Errors name the field and the limit (core/validation.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { BiltError } from '../../core/errors';
import { parseInput } from '../../core/validation';
import { HttpRefusal } from './apiErrors';
import type { EngineService } from '../service/engineService';
import { BodyTooLarge, MAX_BODY_BYTES, readJsonBody } from './respond';

/** One Session API request, routed: the session id from the path when it has one. */
export interface ApiCall {
  req: IncomingMessage;
  url: URL;
  sessionId: string;
  svc: EngineService;
}

/** What a route answers (the dispatcher sends it once the state it read is durable). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.output<T> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name in query) {
      throw new BiltError('invalid_input', 'Invalid request body', {
        field: name,
        message: `${name} may be given only once`,
      });
    }
    query[name] = value;
  }
  return parseInput(schema, query);
}

export async function parseBody<T extends z.ZodType>(schema: T, req: IncomingMessage): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await readJsonBody(req, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      throw new HttpRefusal(413, 'payload_too_large', 'Request too large', {
        message: e.message,
        limit: MAX_BODY_BYTES,
      });
    }
    throw new BiltError('invalid_input', 'Invalid request body', {
      field: '(body)',
      message: 'The body is not valid JSON',
    });
  }
  return parseInput(schema, body);
}
