/**
 * The bridge when its upstream fails: a token file that does not exist (a clear tool error, and the
 * bridge keeps serving), the local engine restarted on another port (the next call reaches it at once,
 * and a send is not duplicated), and the engine killed while a send waits (the wait notices at once,
 * finds or starts the engine again, and reports what the restarted engine says).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { runEngine, startEngine, type EngineProcess } from '../support/engineProcess';
import { tempDir } from '../support/tmp';
import { closedPort } from './support/client';
import { scenario } from './support/engine';

const BRIDGE = path.resolve(__dirname, '../../dist/bridge.js');

async function bridge(env: Record<string, string>) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BRIDGE],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'bridge-faults', version: '1' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

type Bridge = Awaited<ReturnType<typeof bridge>>;

async function call(b: Bridge, name: string, args: Record<string, unknown> = {}) {
  const r = (await b.client.callTool({ name, arguments: args }, undefined, { timeout: 60_000 })) as CallToolResult;
  assert.ok(!r.isError, `${name} failed: ${JSON.stringify(r.content)}\n${b.stderr()}`);
  return r.structuredContent as Record<string, unknown>;
}

const errorText = (r: CallToolResult) => (r.content[0] as { text: string }).text;

describe('bridge: upstream faults', function () {
  this.timeout(40_000);
  const engines: EngineProcess[] = [];
  const dataDirs: string[] = [];
  const bridges: Bridge[] = [];
  after(async function () {
    this.timeout(20_000);
    await Promise.all(bridges.map((b) => b.client.close().catch(() => undefined)));
    await Promise.all(engines.map((e) => e.stop()));
    // engines the bridges started themselves
    await Promise.all(dataDirs.map((d) => runEngine(['stop', '--data-dir', d]).exited));
  });
  const engineIn = async (dataDir: string, extra: string[] = []) => {
    const e = await startEngine(['--data-dir', dataDir, '--agent', 'emulator', '--speed', '0', ...extra]);
    engines.push(e);
    return e;
  };
  const localBridge = async (dataDir: string, env: Record<string, string> = {}) => {
    dataDirs.push(dataDir);
    const b = await bridge({ BILT_ENGINE_DATA_DIR: dataDir, ...env });
    bridges.push(b);
    return b;
  };

  it('a BILT_TOKEN_FILE that does not exist is a tool error naming the file; the bridge keeps serving', async () => {
    const missing = path.join(tempDir(), 'no-such-token');
    const b = await bridge({ BILT_URL: `http://127.0.0.1:${await closedPort()}/mcp`, BILT_TOKEN_FILE: missing });
    bridges.push(b);
    for (let i = 0; i < 2; i++) {
      const r = (await b.client.callTool({ name: 'bilt_list_projects', arguments: {} })) as CallToolResult;
      assert.equal(r.isError, true);
      assert.ok(errorText(r).includes(missing), errorText(r));
      assert.match(errorText(r), /BILT_TOKEN_FILE/);
    }
  });

  it('the first call after the engine restarts on another port reaches it at once; a send is made once', async () => {
    const dataDir = tempDir();
    const first = await engineIn(dataDir);
    const b = await localBridge(dataDir);
    const p = await call(b, 'bilt_create_project', { name: 'restarts' });
    const s = await call(b, 'bilt_get_session', { project_id: p.id });
    first.child.kill('SIGKILL');
    await first.exited;
    await engineIn(dataDir);
    const readStarted = Date.now();
    const { projects } = (await call(b, 'bilt_list_projects')) as { projects: unknown[] };
    assert.equal(projects.length, 1);
    const readMs = Date.now() - readStarted;
    assert.ok(readMs < 1500, `the read after the restart took ${readMs} ms`);

    await engines.at(-1)!.stop();
    await engineIn(dataDir);
    const sent = await call(b, 'bilt_send_message', { session_id: s.session_id, message: 'once' });
    const after = (await call(b, 'bilt_get_session', { session_id: s.session_id })) as {
      workflows: Array<{ workflow_id: string }>;
    };
    assert.deepEqual(
      after.workflows.map((w) => w.workflow_id),
      [sent.workflow_id],
      'one workflow: the send was not repeated',
    );
  });

  it('a waiting send notices the engine was killed and reports what the restarted engine says', async () => {
    const dataDir = tempDir();
    const engine = await engineIn(dataDir, ['--speed', '1', '--scenario', scenario('slow.json')]);
    const b = await localBridge(dataDir, { BILT_WAIT_TIMEOUT: '25' });
    const p = await call(b, 'bilt_create_project', { name: 'killed-while-waiting' });
    const s = await call(b, 'bilt_get_session', { project_id: p.id });
    let waiting!: () => void;
    const running = new Promise<void>((resolve) => (waiting = resolve));
    const sent = b.client.callTool(
      { name: 'bilt_send_message', arguments: { session_id: s.session_id, message: 'build', wait_for_response: true } },
      undefined,
      { timeout: 60_000, onprogress: () => waiting() },
    );
    await running;
    const killedAt = Date.now();
    engine.child.kill('SIGKILL');
    const r = (await sent) as CallToolResult;
    const tookMs = Date.now() - killedAt;
    assert.ok(!r.isError, errorText(r));
    const out = r.structuredContent as { status: string; timed_out: boolean };
    assert.deepEqual([out.status, out.timed_out], ['failed', false], JSON.stringify(out));
    assert.ok(tookMs < 10_000, `the bridge answered ${tookMs} ms after the kill`);
    const after = (await call(b, 'bilt_get_session', { session_id: s.session_id })) as {
      workflows: Array<{ status: string; interrupted: boolean }>;
    };
    assert.deepEqual([after.workflows[0]?.status, after.workflows[0]?.interrupted], ['failed', true]);
  });
});
