/**
 * An agent reads the same tools whichever server it reached: the engine's seed tools and the bridge's
 * (from its stdio front's build-time list and from the full server behind it) have identical names,
 * titles, descriptions, schemas and annotations, as MCP clients receive them over the wire.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SEED_TOOL_NAMES } from '../../src/core/contract/seed';
import { TestMcp } from '../support/mcpClient';
import { startEngine, type RunningEngine } from './support/engine';

const BRIDGE = path.resolve(__dirname, '../../dist/bridge.js');

describe('tool texts are written once', function () {
  this.timeout(30_000);
  let engine: RunningEngine;
  before(async () => {
    engine = await startEngine();
  });
  after(() => engine?.stop());

  it('tools/list of the engine and of the bridge (front and full server) agree on every seed tool', async () => {
    const direct = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
    const bridge = new Client({ name: 'bilt-tests', version: '1.0.0' });
    await bridge.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [BRIDGE],
        env: { PATH: process.env.PATH ?? '', BILT_URL: engine.ready.mcpUrl, BILT_TOKEN: engine.ready.token },
        stderr: 'ignore',
      }),
    );
    try {
      const fromEngine = (await direct.client.listTools()).tools;
      const fromFront = (await bridge.listTools()).tools;
      await bridge.callTool({ name: 'bilt_list_projects', arguments: {} }); // the full server takes over
      const fromServer = (await bridge.listTools()).tools;
      assert.deepEqual(
        fromEngine.map((t) => t.name),
        [...SEED_TOOL_NAMES],
      );
      for (const name of SEED_TOOL_NAMES) {
        const [e, f, s] = [fromEngine, fromFront, fromServer].map((list) => list.find((t) => t.name === name));
        assert.ok(e?.description && e.title && e.annotations, `${name} is fully described`);
        assert.deepEqual(f, e, `${name}: the bridge's front describes it as the engine does`);
        assert.deepEqual(s, e, `${name}: the bridge's server describes it as the engine does`);
      }
    } finally {
      await Promise.allSettled([direct.close(), bridge.close()]);
    }
  });

  it('read-only (BILT_READ_ONLY=1 or --read-only): the bridge offers and serves only the tools that read', async () => {
    for (const [env, args] of [[{ BILT_READ_ONLY: '1' }, []] as const, [{}, ['--read-only']] as const]) {
      const bridge = new Client({ name: 'bilt-tests', version: '1.0.0' });
      const base = { PATH: process.env.PATH ?? '', BILT_URL: engine.ready.mcpUrl, BILT_TOKEN: engine.ready.token };
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [BRIDGE, ...args],
        env: { ...base, ...env },
        stderr: 'ignore',
      });
      await bridge.connect(transport);
      try {
        const reads = ['bilt_list_projects', 'bilt_get_project', 'bilt_get_session', 'bilt_get_messages'];
        assert.deepEqual(
          (await bridge.listTools()).tools.map((t) => t.name),
          reads,
          'the front lists the reads',
        );
        const refused = await bridge.callTool({ name: 'bilt_create_project', arguments: { name: 'nope' } }).then(
          (r) => r,
          (e: Error) => e,
        );
        assert.ok(
          refused instanceof Error && /Unknown tool bilt_create_project/.test(refused.message),
          String(refused),
        );
        assert.deepEqual(
          (await bridge.listTools()).tools.map((t) => t.name),
          reads,
          'the server lists the reads',
        );
      } finally {
        await bridge.close();
      }
    }
  });
});
