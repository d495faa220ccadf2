/**
 * For the BiltClient wire tests: the two contracts as test parameters, one emulator engine per
 * describe (clients made on it closed with it), bounded event collection, and small servers that are
 * not Bilt engines.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import type { BackendKind, SessionRef } from '../../../src/api/backend';
import { BiltClient, type ClientOptions } from '../../../src/api/client';
import type { WatchEvent } from '../../../src/api/watch/watch';
import { isBiltError, type BiltError, type ErrorCode } from '../../../src/core/errors';
import { startEngine, type EngineOptions, type Ready, type RunningEngine } from './engine';
import { uniqueName } from './fixture';

export interface Contract {
  name: 'seed' | 'live';
  kind: BackendKind;
  url(r: Ready): string;
}
export const CONTRACTS: Contract[] = [
  { name: 'seed', kind: 'mcp-seed', url: (r) => r.mcpUrl },
  { name: 'live', kind: 'mcp-live', url: (r) => r.liveMcpUrl },
];

export interface ClientEngine {
  readonly engine: RunningEngine;
  connect(c: Contract, extra?: Partial<ClientOptions>): Promise<BiltClient>;
}

export function useClientEngine(options: EngineOptions = {}): ClientEngine {
  let engine: RunningEngine | undefined;
  const clients: BiltClient[] = [];
  before(async function () {
    this.timeout(20_000);
    engine = await startEngine(options);
  });
  after(async function () {
    this.timeout(10_000);
    for (const c of clients.splice(0)) {
      await c.close().catch(() => undefined);
    }
    await engine?.stop();
  });
  return {
    get engine() {
      assert.ok(engine, 'the engine has started');
      return engine;
    },
    async connect(c, extra = {}) {
      const client = await BiltClient.connect({
        url: c.url(this.engine.ready),
        token: this.engine.ready.token,
        ...extra,
      });
      clients.push(client);
      return client;
    },
  };
}

/** A new project and its (idle) session. */
export async function newRef(client: BiltClient, name = uniqueName('client')): Promise<SessionRef> {
  const p = await client.backend.createProject({ name });
  const v = await client.backend.getSession({ projectId: p.id });
  return { projectId: p.id, sessionId: v.session.id };
}

/** Asserts the promise rejects with a BiltError of `code` whose details include `details`. */
export async function rejectsWith(
  p: Promise<unknown>,
  code: ErrorCode,
  details: Record<string, unknown> = {},
  message?: RegExp,
): Promise<BiltError> {
  let caught: unknown;
  await assert.rejects(p, (e) => ((caught = e), true));
  assert.ok(isBiltError(caught), `a BiltError, got ${String(caught)}`);
  assert.equal(caught.code, code, `${caught.message} ${JSON.stringify(caught.details)}`);
  for (const [k, v] of Object.entries(details)) {
    assert.deepEqual(caught.details[k], v, `details.${k}`);
  }
  if (message) {
    assert.match(`${caught.message}: ${String(caught.details['message'])}`, message);
  }
  return caught;
}

/** Collects events until `done(events)` says so (then stops the watch), bounded in time. */
export async function collect(
  watch: AsyncIterable<WatchEvent>,
  done: (events: WatchEvent[]) => boolean,
  timeoutMs = 8000,
  onEvent?: (e: WatchEvent) => void | Promise<void>,
): Promise<WatchEvent[]> {
  const events: WatchEvent[] = [];
  const it = watch[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  try {
    while (!done(events)) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(
            () => reject(new Error(`timed out; got ${summary(events)}`)),
            Math.max(1, deadline - Date.now()),
          )),
      );
      const r = await Promise.race([it.next(), timeout]).finally(() => clearTimeout(timer));
      if (r.done) {
        throw new Error(`the watch ended; got ${summary(events)}`);
      }
      events.push(r.value);
      await onEvent?.(r.value);
    }
    return events;
  } finally {
    await it.return?.();
  }
}

export const summary = (events: WatchEvent[]) =>
  events
    .map((e) =>
      e.type === 'session'
        ? e.view.session.status
        : e.type === 'messages'
          ? `[${e.messages.map((m) => m.seq).join(',')}]`
          : `error:${e.error.code}`,
    )
    .join(' ');

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** An MCP server that is not Bilt: the SDK's McpServer, stateless Streamable HTTP, one unrelated tool. */
export async function startForeignServer(): Promise<Served> {
  const server = http.createServer((req, res) => {
    const mcp = new McpServer({ name: 'weather', version: '1.0.0' });
    mcp.registerTool(
      'get_weather',
      { description: 'Weather for a city', inputSchema: { city: z.string() } },
      async ({ city }) => ({ content: [{ type: 'text', text: `Sunny in ${city}` }] }),
    );
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    void mcp.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
