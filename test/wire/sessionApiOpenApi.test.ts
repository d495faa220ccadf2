/**
 * GET /api/openapi.json over the wire: an OpenAPI 3.1 document listing every path and method the
 * engine serves under /api, their parameters, bodies, answers and error answers, with schemas equal
 * to the ones zod generates from src/core/contract/sessionApi.ts.
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  ApiError,
  ApiSession,
  CreateSessionBody,
  DeleteResult,
  DeleteSessionQuery,
  ListSessionsQuery,
  MessagesQuery,
  MessagesResult,
  PatchSessionBody,
  SendMessageBody,
  SendMessageResult,
  SessionList,
} from '../../src/core/contract/sessionApi';
import { useEngine } from './support/fixture';
import { apiClient } from './support/sessionApi';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Json;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } }; headers?: Json }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; securitySchemes: Json };
  security: Json[];
}

const out = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
const inp = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });

/** What each operation answers, takes, and may refuse with. */
const EXPECTED: Record<
  string,
  Record<string, { ok: [string, z.ZodType]; body?: z.ZodType; query?: z.ZodType; errors: string[] }>
> = {
  '/api/sessions': {
    get: { ok: ['200', SessionList], query: ListSessionsQuery, errors: ['400', '401', '403', '429', '500'] },
    post: {
      ok: ['201', ApiSession],
      body: CreateSessionBody,
      errors: ['400', '401', '403', '409', '413', '429', '500', '503'],
    },
  },
  '/api/sessions/{id}': {
    get: { ok: ['200', ApiSession], errors: ['400', '401', '403', '404', '429', '500'] },
    patch: {
      ok: ['200', ApiSession],
      body: PatchSessionBody,
      errors: ['400', '401', '403', '404', '409', '413', '429', '500', '501', '503'],
    },
    delete: {
      ok: ['200', DeleteResult],
      query: DeleteSessionQuery,
      errors: ['400', '401', '403', '404', '409', '429', '500', '503'],
    },
  },
  '/api/sessions/{id}/message': {
    post: {
      ok: ['200', SendMessageResult],
      body: SendMessageBody,
      errors: ['400', '401', '403', '404', '409', '413', '429', '500', '503'],
    },
  },
  '/api/sessions/{id}/messages': {
    get: { ok: ['200', MessagesResult], query: MessagesQuery, errors: ['400', '401', '403', '404', '429', '500'] },
  },
};

describe('wire: Session API OpenAPI document', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const api = apiClient(() => t.engine.ready);
  let doc: Document;
  const resolve = (ref: { $ref: string }) => {
    const name = ref.$ref.replace('#/components/schemas/', '');
    assert.ok(doc.components.schemas[name], `${ref.$ref} resolves`);
    return doc.components.schemas[name];
  };

  before(async () => {
    const res = await api.raw('GET', '/api/openapi.json');
    assert.equal(res.status, 200, res.text);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    doc = JSON.parse(res.text) as Document;
  });

  it('is OpenAPI 3.1.0 for this engine, with bearer security', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.version, t.engine.ready.version);
    assert.deepEqual(doc.servers, [{ url: t.engine.ready.url }]);
    assert.deepEqual(doc.security, [{ bearer: [] }]);
    assert.deepEqual(doc.components.securitySchemes, { bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('lists every path and method the engine serves, and only those', () => {
    assert.deepEqual(Object.keys(doc.paths).sort(), [...Object.keys(EXPECTED), '/api/openapi.json'].sort());
    for (const [path, methods] of Object.entries(EXPECTED)) {
      assert.deepEqual(Object.keys(doc.paths[path]!).sort(), Object.keys(methods).sort(), path);
    }
    assert.deepEqual(Object.keys(doc.paths['/api/openapi.json']!), ['get']);
  });

  it('every answer, body and error answer schema equals the zod-generated one', () => {
    for (const [path, methods] of Object.entries(EXPECTED)) {
      for (const [method, expected] of Object.entries(methods)) {
        const op = doc.paths[path]![method]!;
        const where = `${method.toUpperCase()} ${path}`;
        assert.deepEqual(Object.keys(op.responses).sort(), [expected.ok[0], ...expected.errors].sort(), where);
        assert.deepEqual(
          resolve(op.responses[expected.ok[0]]!.content['application/json'].schema),
          out(expected.ok[1]),
          where,
        );
        for (const status of expected.errors) {
          assert.deepEqual(
            resolve(op.responses[status]!.content['application/json'].schema),
            out(ApiError),
            `${where} ${status}`,
          );
        }
        assert.ok(op.responses['429']!.headers?.['Retry-After'], `${where}: 429 names Retry-After`);
        if (expected.body) {
          assert.equal(op.requestBody?.required, true);
          assert.deepEqual(resolve(op.requestBody!.content['application/json'].schema), inp(expected.body), where);
        } else {
          assert.equal(op.requestBody, undefined, where);
        }
      }
    }
  });

  it('every parameter: the session id in the path, each query parameter with its zod schema', () => {
    for (const [path, methods] of Object.entries(EXPECTED)) {
      for (const [method, expected] of Object.entries(methods)) {
        const params = doc.paths[path]![method]!.parameters ?? [];
        const query = expected.query
          ? (inp(expected.query) as { properties: Record<string, Json>; required?: string[] })
          : { properties: {} as Record<string, Json> };
        const want = [
          ...(path.includes('{id}') ? [{ name: 'id', in: 'path', required: true }] : []),
          ...Object.keys(query.properties).map((name) => ({ name, in: 'query', required: false })),
        ];
        assert.deepEqual(
          params.map((p) => ({ name: p.name, in: p.in, required: p.required })),
          want,
          `${method} ${path}`,
        );
        for (const p of params.filter((x) => x.in === 'query')) {
          assert.deepEqual(p.schema, query.properties[p.name], `${method} ${path} ${p.name}`);
        }
      }
    }
    const listed = doc.paths['/api/sessions']!['get']!.parameters!.map((p) => p.name);
    assert.deepEqual(listed, ['task_id', 'agent_id', 'status']);
    const paged = doc.paths['/api/sessions/{id}/messages']!['get']!.parameters!.map((p) => p.name);
    assert.deepEqual(paged, ['id', 'after', 'limit']);
  });

  it('what the engine answers validates against the document’s own schemas', async () => {
    const check = (name: string, body: unknown) => {
      const schema = z.fromJSONSchema(doc.components.schemas[name]! as Parameters<typeof z.fromJSONSchema>[0]);
      const r = schema.safeParse(body);
      assert.ok(r.success, `${name}: ${JSON.stringify(body)} ${r.error?.message}`);
      return schema;
    };
    const created = await api.create({ agent_id: 'EMULATOR', prompt: 'Build' });
    const session = check('ApiSession', created);
    assert.equal(session.safeParse({ ...created, extra: 1 }).success, false, 'no extra fields');
    assert.equal(session.safeParse({ ...created, status: 'running' }).success, false, 'only the five statuses');
    check('SessionList', await api.ok(SessionList, 'GET', '/api/sessions'));
    check('MessagesResult', await api.ok(MessagesResult, 'GET', `/api/sessions/${created.id}/messages?limit=2`));
    check('ApiError', (await api.raw('GET', '/api/sessions/nope')).json());
  });
});
