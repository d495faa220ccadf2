/**
 * The bundled bridge end to end: dist/bridge.js over stdio (the SDK's StdioClientTransport), against a
 * spawned engine, on both upstream contracts, and against the local engine it finds or starts itself.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SEED_TOOL_NAMES } from '../../src/core/contract/seed';
import { runEngine } from '../support/engineProcess';
import { tempDir } from '../support/tmp';
import { startEngine, type RunningEngine } from './support/engine';

const BRIDGE = path.resolve(__dirname, '../../dist/bridge.js');

async function bridge(env: Record<string, string>): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BRIDGE],
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name: 'bridge-e2e', version: '1' });
  await client.connect(transport);
  return { client, stderr: () => err };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  const r = await client.callTool({ name, arguments: args });
  if (r.isError) {
    throw new Error(`${name}: ${JSON.stringify(r.content)}`);
  }
  return r.structuredContent as Record<string, unknown> & { [k: string]: unknown };
}

for (const contract of ['seed', 'live'] as const) {
  describe(`bridge over stdio → engine (${contract} contract upstream)`, function () {
    this.timeout(30_000);
    let engine: RunningEngine;
    let b: Awaited<ReturnType<typeof bridge>>;
    before(async () => {
      engine = await startEngine({ scenario: 'questions.json', speed: 0.01 });
      b = await bridge({
        BILT_URL: contract === 'seed' ? engine.ready.mcpUrl : engine.ready.liveMcpUrl,
        BILT_TOKEN: engine.ready.token,
      });
    });
    after(async () => {
      await b?.client.close();
      await engine?.stop();
    });

    it('exposes exactly the seed tools', async () => {
      assert.deepEqual(
        (await b.client.listTools()).tools.map((t) => t.name),
        [...SEED_TOOL_NAMES],
      );
    });

    it('drives a workflow: create, session, send with wait and progress, answer its questions, read messages', async () => {
      const p = await call(b.client, 'bilt_create_project', { name: `bridge-${contract}` });
      const s = await call(b.client, 'bilt_get_session', { project_id: p.id });
      assert.equal(s.status, 'idle');
      const progress: number[] = [];
      const sent = await b.client.callTool(
        {
          name: 'bilt_send_message',
          arguments: { session_id: s.session_id, message: 'Build it', wait_for_response: true },
        },
        undefined,
        { onprogress: (x) => progress.push(x.progress) },
      );
      const out = sent.structuredContent as Record<string, unknown> & {
        pause?: { type: string; questions: unknown[] };
      };
      assert.equal(out.status, 'paused', JSON.stringify(out));
      assert.equal(out.pause?.type, 'questions');
      assert.ok(
        progress.length > 0 && progress.every((v, i) => i === 0 || v > progress[i - 1]!),
        `progress increases: ${progress.join(',')}`,
      );
      const q = out.pause!.questions.length;
      const answers = Array.from({ length: q }, (_, i) => i).map((i) => {
        const question = out.pause!.questions[i] as { options: string[]; allow_text: boolean };
        return question.options.length
          ? { question_index: i, selected_options: [question.options[0]] }
          : { question_index: i, text: 'Todo' };
      });
      const resumed = await call(b.client, 'bilt_resume_workflow', { session_id: s.session_id, answers });
      assert.equal(resumed.workflow_id, out.workflow_id);
      const waited = await call(b.client, 'bilt_get_session', { session_id: s.session_id });
      assert.ok(['running', 'completed'].includes(String(waited.status)));
      const msgs = await call(b.client, 'bilt_get_messages', { session_id: s.session_id, limit: 5 });
      assert.ok((msgs.total as number) >= 3);
      assert.equal((msgs.messages as unknown[]).length, Math.min(5, msgs.total as number));
    });

    it('cancels, and refuses an illegal cancel with the upstream error and a hint', async () => {
      const p = await call(b.client, 'bilt_create_project', { name: `bridge-cancel-${contract}` });
      const s = await call(b.client, 'bilt_get_session', { project_id: p.id });
      await call(b.client, 'bilt_send_message', { session_id: s.session_id, message: 'Build' });
      const c = await call(b.client, 'bilt_cancel_workflow', { session_id: s.session_id, reason: 'changed my mind' });
      assert.equal(c.status, 'cancelled');
      const again = await b.client.callTool({ name: 'bilt_cancel_workflow', arguments: { session_id: s.session_id } });
      assert.equal(again.isError, true);
      const bodyText = (again.content as Array<{ text: string }>)[0]!.text;
      assert.match(bodyText, /Cannot cancel workflow/);
      assert.match(bodyText, /bilt_get_session/);
    });

    it('never shows the token in results or logs', async () => {
      await call(b.client, 'bilt_list_projects');
      assert.ok(!b.stderr().includes(engine.ready.token), b.stderr());
    });
  });
}

describe('bridge without BILT_URL: finds or starts the local engine', function () {
  this.timeout(30_000);

  it('starts an engine in the data dir, and the next bridge finds the same one', async () => {
    const dataDir = tempDir();
    const first = await bridge({ BILT_ENGINE_DATA_DIR: dataDir });
    const second = await bridge({ BILT_ENGINE_DATA_DIR: dataDir });
    try {
      const p = await call(first.client, 'bilt_create_project', { name: 'local-one' });
      const { projects } = (await call(second.client, 'bilt_list_projects')) as { projects: Array<{ id: string }> };
      assert.deepEqual(
        projects.map((x) => x.id),
        [p.id],
        'both bridges talk to one engine',
      );
    } finally {
      await first.client.close();
      await second.client.close();
      const stop = runEngine(['stop', '--data-dir', dataDir]);
      assert.equal(await stop.exited, 0);
    }
  });
});
