/**
 * What the fuzzer sends: one input is one HTTP request to the engine, a tools/call on the seed (/mcp)
 * or live (/live/mcp) contract with generated arguments, a malformed MCP request, or a Session API
 * request (/api/sessions…) with a generated body, query or id.
 */
import { SEED_TOOL_NAMES, seedInputs } from '../../src/core/contract/seed';
import { LIVE_TOOL_NAMES, liveInputs } from '../../src/core/contract/live';
import {
  CreateSessionBody,
  ListSessionsQuery,
  MessagesQuery,
  PatchSessionBody,
  SendMessageBody,
} from '../../src/core/contract/sessionApi';
import { fuzzInput, jsonSchemaOf, validValue, type IdPool, type JsonSchema } from './fuzzInputs';
import { jsonText, ODD_BODIES, ODD_STRINGS, ODD_VALUES, Raw, type Rng } from './fuzzValues';

export interface FuzzRequest {
  target: string;
  mutation: string;
  method: string;
  path: string;
  body?: string;
}

const seedSchemas = SEED_TOOL_NAMES.map((name) => ({ name, schema: jsonSchemaOf(seedInputs[name]) }));
const liveSchemas = LIVE_TOOL_NAMES.map((name) => ({ name, schema: jsonSchemaOf(liveInputs[name]) }));
const api = {
  create: jsonSchemaOf(CreateSessionBody),
  patch: jsonSchemaOf(PatchSessionBody),
  send: jsonSchemaOf(SendMessageBody),
  list: jsonSchemaOf(ListSessionsQuery),
  messages: jsonSchemaOf(MessagesQuery),
};

const rpc = (id: unknown, method: unknown, params: unknown) => jsonText({ jsonrpc: '2.0', id, method, params });

function mcpRequest(path: string, rng: Rng, pool: IdPool): FuzzRequest {
  const tools = path === '/mcp' ? seedSchemas : liveSchemas;
  const tool = rng.pick(tools);
  const roll = rng.int(10);
  if (roll < 8) {
    const { input, mutation } = fuzzInput(tool.schema, rng, pool);
    const params = { name: tool.name, arguments: input };
    return {
      target: `${path} ${tool.name}`,
      mutation,
      method: 'POST',
      path,
      body: rpc(rng.int(1e6), 'tools/call', params),
    };
  }
  if (roll === 8) {
    const odd = rng.pick(ODD_VALUES);
    const params = rng.chance(0.5) ? { name: tool.name, arguments: odd } : { name: odd, arguments: {} };
    return {
      target: `${path} params`,
      mutation: 'params of the wrong shape',
      method: 'POST',
      path,
      body: rpc(1, 'tools/call', params),
    };
  }
  const envelopes = [
    () => rpc(rng.pick(ODD_VALUES), 'tools/call', { name: tool.name, arguments: {} }),
    () => rpc(1, rng.pick(ODD_VALUES), {}),
    () =>
      jsonText([
        { jsonrpc: '2.0', id: 1, method: 'tools/list' },
        { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      ]),
    () => jsonText({ id: 1, method: 'tools/call', params: { name: tool.name, arguments: {} } }),
    () => rng.pick(ODD_BODIES),
  ];
  return {
    target: `${path} envelope`,
    mutation: 'a malformed JSON-RPC message',
    method: 'POST',
    path,
    body: rng.pick(envelopes)(),
  };
}

function query(schema: JsonSchema, rng: Rng, pool: IdPool): string {
  const parts = Object.entries(schema.properties ?? {})
    .filter(() => rng.chance(0.5))
    .map(([k, s]) => {
      const v = rng.chance(0.7) ? validValue(k, s, rng, pool) : rng.pick(ODD_STRINGS);
      // a URL stays under the 16 KiB Node's HTTP parser takes (longer is refused with 431 before routing)
      return `${k}=${v instanceof Raw ? '%ZZ' : encodeURIComponent(String(v).slice(0, 3000))}`;
    });
  if (rng.chance(0.2)) {
    parts.push(rng.pick(['x=1', 'limit=1&limit=2', '%E0%A4%A=1', 'a', '=', '&&', `k=${'v'.repeat(12_000)}`]));
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

const ODD_IDS = [
  'x'.repeat(5000),
  '%E0%A4%A',
  '%00',
  '..%2f..%2fetc',
  '%F0%9F%98%80',
  '00000000-0000-0000-0000-000000000000',
];

function apiRequest(rng: Rng, pool: IdPool): FuzzRequest {
  const id = rng.chance(0.8) && pool.sessions.length ? rng.pick(pool.sessions) : rng.pick(ODD_IDS);
  const body = (schema: JsonSchema) => {
    if (rng.chance(0.1)) {
      return { mutation: 'an odd body', text: rng.pick(ODD_BODIES) };
    }
    const { input, mutation } = fuzzInput(schema, rng, pool);
    return { mutation, text: jsonText(input) };
  };
  const shapes: Array<() => FuzzRequest> = [
    () => ({ target: 'POST /api/sessions', method: 'POST', path: '/api/sessions', ...named(body(api.create)) }),
    () => ({
      target: 'PATCH /api/sessions/:id',
      method: 'PATCH',
      path: `/api/sessions/${id}`,
      ...named(body(api.patch)),
    }),
    () => ({ target: 'POST …/message', method: 'POST', path: `/api/sessions/${id}/message`, ...named(body(api.send)) }),
    () => ({
      target: 'GET /api/sessions',
      method: 'GET',
      path: `/api/sessions${query(api.list, rng, pool)}`,
      mutation: 'query',
    }),
    () => ({
      target: 'GET …/messages',
      method: 'GET',
      path: `/api/sessions/${id}/messages${query(api.messages, rng, pool)}`,
      mutation: 'query',
    }),
    () => ({
      target: 'GET/DELETE /api/sessions/:id',
      method: rng.pick(['GET', 'DELETE', 'PUT', 'OPTIONS']),
      path: `/api/sessions/${id}${rng.pick(['', '?force=true', '?force=maybe'])}`,
      mutation: 'method',
    }),
  ];
  return rng.pick(shapes)();
}

const named = (b: { mutation: string; text: string }) => ({ mutation: b.mutation, body: b.text });

export function fuzzRequest(rng: Rng, pool: IdPool): FuzzRequest {
  const roll = rng.int(20);
  return roll < 7
    ? mcpRequest('/mcp', rng, pool)
    : roll < 13
      ? mcpRequest('/live/mcp', rng, pool)
      : apiRequest(rng, pool);
}
