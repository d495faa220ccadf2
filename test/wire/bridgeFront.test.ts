/**
 * The bridge's stdio front (dist/bridge.js) spoken to line by line: it answers initialize and
 * tools/list by itself from dist/bridge-tools.json, hands everything else to the full server (which
 * sees a replayed initialize whose answer never leaks), and answers bad JSON with a parse error.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describeBridge } from '../../src/mcp/bridge/main';
import { startEngine, type RunningEngine } from './support/engine';

const DIST = path.resolve(__dirname, '../../dist');

describe('bridge stdio front', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  before(async () => {
    engine = await startEngine();
  });
  after(() => engine?.stop());

  it('the built tool descriptions are exactly what the server code describes', () => {
    const built = JSON.parse(readFileSync(path.join(DIST, 'bridge-tools.json'), 'utf8')) as unknown;
    assert.deepEqual(built, JSON.parse(JSON.stringify(describeBridge())));
  });

  it('answers in order: initialize, a tool call before tools/list, a parse error; no replayed answer leaks', async () => {
    const child = spawn(process.execPath, [path.join(DIST, 'bridge.js')], {
      env: { PATH: process.env.PATH ?? '', BILT_URL: engine.ready.mcpUrl, BILT_TOKEN: engine.ready.token },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = readline.createInterface({ input: child.stdout });
    const got: Array<Record<string, unknown>> = [];
    const next = () =>
      new Promise<Record<string, unknown>>((resolve) =>
        lines.once('line', (l) => resolve(JSON.parse(l) as Record<string, unknown>)),
      );
    const send = (m: object | string) => child.stdin.write((typeof m === 'string' ? m : JSON.stringify(m)) + '\n');
    try {
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
      });
      got.push(await next());
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'bilt_list_projects', arguments: {} } });
      got.push(await next());
      send('{this is not json');
      got.push(await next());
      send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      got.push(await next());
      const [init, call, parseError, list] = got as Array<{
        id: unknown;
        result?: Record<string, unknown>;
        error?: { code: number };
      }>;
      assert.deepEqual([init!.id, (init!.result as { protocolVersion: string }).protocolVersion], [1, '2025-06-18']);
      assert.deepEqual(
        [call!.id, (call!.result as { structuredContent: unknown }).structuredContent],
        [2, { projects: [] }],
      );
      assert.deepEqual([parseError!.id, parseError!.error?.code], [null, -32700]);
      assert.equal(list!.id, 3);
      assert.equal((list!.result as { tools: unknown[] }).tools.length, 8);
      assert.ok(
        got.every((m) => typeof m.id !== 'string'),
        'the replayed initialize is never answered to the client',
      );
    } finally {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
    }
  });
});
