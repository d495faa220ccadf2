/**
 * GET /api/openapi.json: the Session API as an OpenAPI 3.1 document, generated from the zod schemas
 * of core/contract/sessionApi.ts (zod's JSON Schema, draft 2020-12: request bodies and queries as
 * their input, answers as their output), so the document cannot drift from what the engine checks
 * and answers. Every path, parameter, body, answer and error answer is listed.
 */
import { z } from 'zod';
import {
  ApiError,
  ApiSession,
  CreateSessionBody,
  DeleteResult,
  MessagesResult,
  PatchSessionBody,
  SendMessageBody,
  SendMessageResult,
  SessionList,
} from '../../core/contract/sessionApi';
import { VERSION } from '../../core/version';
import { ERRORS, OPERATIONS, type Operation } from './openApiOperations';

type Json = Record<string, unknown>;

/** The component schemas: what the engine accepts (input) and answers (output). */
export const COMPONENT_SCHEMAS = {
  input: { CreateSessionBody, PatchSessionBody, SendMessageBody },
  output: { ApiSession, SessionList, SendMessageResult, DeleteResult, MessagesResult, ApiError },
} as const;
export type OutputName = keyof typeof COMPONENT_SCHEMAS.output;
export type InputName = keyof typeof COMPONENT_SCHEMAS.input;

export const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Json;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ 'application/json': { schema } });

function parametersOf(op: Operation): Json[] {
  const parameters: Json[] = [];
  if (op.path.includes('{id}')) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: 'The session id',
      schema: { type: 'string', format: 'uuid' },
    });
  }
  if (op.query) {
    const query = jsonSchemaOf(op.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const description = typeof schema['description'] === 'string' ? { description: schema['description'] } : {};
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, ...description, schema });
    }
  }
  return parameters;
}

function operationOf(op: Operation): Json {
  const responses: Json = {
    [op.success.status]: { description: op.success.description, content: json(ref(op.success.schema)) },
  };
  for (const status of [...new Set(op.errors)].sort((a, b) => a - b)) {
    const headers = status === 429 ? { 'Retry-After': { description: 'Seconds', schema: { type: 'integer' } } } : {};
    responses[status] = {
      description: ERRORS[status],
      content: json(ref('ApiError')),
      ...(status === 429 ? { headers } : {}),
    };
  }
  const parameters = parametersOf(op);
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: json(ref(op.body)) } } : {}),
    responses,
  };
}

/** The document for an engine at `serverUrl`. */
export function buildOpenApi(serverUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationOf(op) };
  }
  const schemas: Record<string, Json> = { OpenApiDocument: { type: 'object' } };
  for (const [name, schema] of Object.entries(COMPONENT_SCHEMAS.input)) {
    schemas[name] = jsonSchemaOf(schema, 'input');
  }
  for (const [name, schema] of Object.entries(COMPONENT_SCHEMAS.output)) {
    schemas[name] = jsonSchemaOf(schema, 'output');
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bilt engine Session API',
      version: VERSION,
      description:
        'Sessions of the local Bilt engine (seed 003). A task is a Bilt project. Every error is {error, code, details}; a method a path does not offer is 405 with an Allow header.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
