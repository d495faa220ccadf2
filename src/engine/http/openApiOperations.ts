/**
 * The Session API's operations as the OpenAPI document lists them (openApi.ts builds it): path,
 * method, query and body schemas, the answer and every error answer each can give.
 */
import type { z } from 'zod';
import { DeleteSessionQuery, ListSessionsQuery, MessagesQuery } from '../../core/contract/sessionApi';
import type { InputName, OutputName } from './openApi';

export const ERRORS: Record<number, string> = {
  400: 'Invalid input: details.field names it, details.limit gives the limit it broke',
  401: 'Missing or wrong bearer token',
  403: 'Host or Origin is not loopback',
  404: 'No such session (or no such path under /api)',
  409: 'Not allowed in the session’s state (code conflict or illegal_state; details.current_status)',
  413: 'Body larger than 1 MiB',
  429: 'A limit was reached (details.limit); Retry-After says when to retry',
  500: 'Internal error (never a stack trace)',
  501: 'The session’s agent cannot do it (pausing on Windows)',
  503: 'The engine could not save the change and is stopping',
};

export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  query?: z.ZodType;
  body?: InputName;
  success: { status: number; schema: OutputName | 'OpenApiDocument'; description: string };
  errors: number[];
}

const READ = [401, 403, 429, 500];
const WRITE = [400, 401, 403, 413, 429, 500, 503];
const SESSION = '/api/sessions/{id}';

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/sessions',
    operationId: 'listSessions',
    summary: 'List sessions, newest first (filters combine)',
    query: ListSessionsQuery,
    success: { status: 200, schema: 'SessionList', description: 'The sessions' },
    errors: [400, ...READ],
  },
  {
    method: 'post',
    path: '/api/sessions',
    operationId: 'createSession',
    summary: 'Create a session (in the task’s project, created when new); a prompt starts its first workflow',
    body: 'CreateSessionBody',
    success: { status: 201, schema: 'ApiSession', description: 'The new session (Location: its path)' },
    errors: [...WRITE, 409],
  },
  {
    method: 'get',
    path: SESSION,
    operationId: 'getSession',
    summary: 'Get a session',
    success: { status: 200, schema: 'ApiSession', description: 'The session' },
    errors: [400, 404, ...READ],
  },
  {
    method: 'patch',
    path: SESSION,
    operationId: 'updateSession',
    summary: 'Pause (paused), continue (active) or stop (failed) its work; merge data; set the prompt',
    body: 'PatchSessionBody',
    success: { status: 200, schema: 'ApiSession', description: 'The session after the change' },
    errors: [...WRITE, 404, 409, 501],
  },
  {
    method: 'delete',
    path: SESSION,
    operationId: 'deleteSession',
    summary: 'Delete a session and its messages (busy work only with force=true, which cancels it)',
    query: DeleteSessionQuery,
    success: { status: 200, schema: 'DeleteResult', description: 'The id of the deleted session' },
    errors: [...WRITE.filter((s) => s !== 413), 404, 409],
  },
  {
    method: 'post',
    path: `${SESSION}/message`,
    operationId: 'sendMessage',
    summary: 'Send a message: starts a workflow (one at a time, 100 per hour per task)',
    body: 'SendMessageBody',
    success: { status: 200, schema: 'SendMessageResult', description: 'The message was sent' },
    errors: [...WRITE, 404, 409],
  },
  {
    method: 'get',
    path: `${SESSION}/messages`,
    operationId: 'getMessages',
    summary: 'Messages oldest first, after a seq cursor',
    query: MessagesQuery,
    success: { status: 200, schema: 'MessagesResult', description: 'A page of messages' },
    errors: [400, 404, ...READ],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    success: { status: 200, schema: 'OpenApiDocument', description: 'The OpenAPI 3.1 document' },
    errors: READ,
  },
];
