import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { BiltError } from '../../../src/core/errors';
import { SEED_TOOL_NAMES } from '../../../src/core/contract/seed';
import { createBridgeServer } from '../../../src/mcp/bridge/server';
import { until } from '../../support/until';
import { FakeUpstream, PROJECT, SESSION_ID, view, WORKFLOW_ID } from './fakeUpstream';

async function connect(up: FakeUpstream, waitTimeoutMs = 5000) {
  const logs: string[] = [];
  const server = createBridgeServer(up, { waitTimeoutMs, log: (l) => logs.push(l) });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(b);
  return { client, logs };
}

function body(r: Record<string, unknown>) {
  assert.equal(r.isError, true, `expected an error result, got ${JSON.stringify(r)}`);
  return JSON.parse((r.content as Array<{ text: string }>)[0]!.text) as {
    error: string;
    details: Record<string, unknown>;
  };
}

describe('bridge (in-memory): the 8 seed tools over a fake upstream', () => {
  it('lists exactly the seed tools with titles, schemas and annotations, without contacting upstream', async () => {
    const up = new FakeUpstream();
    const { client } = await connect(up);
    const { tools } = await client.listTools();
    assert.deepEqual(
      tools.map((t) => t.name),
      [...SEED_TOOL_NAMES],
    );
    const by = new Map(tools.map((t) => [t.name, t]));
    assert.equal(by.get('bilt_list_projects')!.annotations?.readOnlyHint, true);
    assert.equal(by.get('bilt_get_messages')!.annotations?.readOnlyHint, true);
    assert.equal(by.get('bilt_cancel_workflow')!.annotations?.destructiveHint, true);
    assert.ok(tools.every((t) => t.title && t.outputSchema));
    assert.equal(
      (by.get('bilt_send_message')!.inputSchema.properties as Record<string, { maxLength?: number }>).message!
        .maxLength,
      5000,
    );
    assert.deepEqual(up.calls, []);
  });

  it('refuses bad input naming the field and the limit before anything goes upstream', async () => {
    const up = new FakeUpstream();
    const { client } = await connect(up);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['bilt_send_message', { session_id: SESSION_ID, message: 'x'.repeat(5001) }, 'message'],
      ['bilt_send_message', { session_id: 'nope', message: 'hi' }, 'session_id'],
      ['bilt_cancel_workflow', { session_id: SESSION_ID, reason: 'r'.repeat(501) }, 'reason'],
      ['bilt_get_messages', { session_id: SESSION_ID, limit: 101 }, 'limit'],
      ['bilt_create_project', { name: 'bad name' }, 'name'],
    ];
    for (const [name, args, field] of cases) {
      const b = body(await client.callTool({ name, arguments: args }));
      assert.equal(b.details.field, field, JSON.stringify(b));
    }
    assert.deepEqual(up.calls, [], 'nothing was sent upstream');
  });

  it('maps upstream results to the seed shapes and remembers session → project', async () => {
    const up = new FakeUpstream()
      .on('getSession', async () => view('running', { progress: { percentage: 40, currentStep: 'Building' } }))
      .on('sendMessage', async () => {
        throw new BiltError('conflict', 'A workflow is already in progress', { current_status: 'running' });
      });
    up.kind = 'mcp-live';
    const { client } = await connect(up);
    const s = (await client.callTool({ name: 'bilt_get_session', arguments: { project_id: PROJECT.id } }))
      .structuredContent as Record<string, unknown>;
    assert.deepEqual(
      [s.session_id, s.project_id, s.status, s.progress],
      [SESSION_ID, PROJECT.id, 'running', { percentage: 40, current_step: 'Building' }],
    );
    const busy = body(
      await client.callTool({ name: 'bilt_send_message', arguments: { session_id: SESSION_ID, message: 'again' } }),
    );
    assert.equal(busy.error, 'A workflow is already in progress');
    assert.match(String(busy.details.hint), /poll bilt_get_session/);
    const sent = up.calls.find((c) => c.op === 'sendMessage')!;
    assert.deepEqual(
      sent.args[0],
      { sessionId: SESSION_ID, projectId: PROJECT.id },
      'the live upstream gets the project of the session',
    );
  });

  it('passes rate limits on with when to retry, and reports failures to the upstream', async () => {
    const up = new FakeUpstream().on('listProjects', async () => {
      throw new BiltError('rate_limited', 'Rate limit exceeded', { retry_after: 42 });
    });
    const { client } = await connect(up);
    const b = body(await client.callTool({ name: 'bilt_list_projects', arguments: {} }));
    assert.equal(b.details.retry_after, 42);
    assert.equal(b.details.hint, 'Rate limited: wait 42 seconds, then retry.');
    assert.equal(up.failures.length, 1);
  });

  it('wait_for_response reports progress and returns when the workflow settles', async () => {
    const up = new FakeUpstream()
      .on('getSession', async () => ({
        session: { ...view('completed').session, status: 'idle', workflowId: null },
        workflows: [],
      }))
      .on('sendMessage', async () => ({
        sessionId: SESSION_ID,
        workflowId: WORKFLOW_ID,
        workflow: undefined,
        status: 'running',
        timedOut: false,
        subscriberCount: 0,
      }));
    up.watchViews = [
      view('running', { progress: { percentage: 30, currentStep: 'Building' } }),
      view('running', { progress: { percentage: 70, currentStep: 'Deploying' } }),
      view('completed', { progress: { percentage: 100 }, result: { url: 'https://app.example' } }),
    ];
    const { client } = await connect(up);
    await client.callTool({ name: 'bilt_get_session', arguments: { project_id: PROJECT.id } });
    const progress: Array<{ progress: number; message?: string }> = [];
    const r = await client.callTool(
      { name: 'bilt_send_message', arguments: { session_id: SESSION_ID, message: 'build', wait_for_response: true } },
      undefined,
      {
        onprogress: (p) => progress.push({ progress: p.progress, ...(p.message ? { message: p.message } : {}) }),
      },
    );
    const out = r.structuredContent as Record<string, unknown>;
    assert.deepEqual([out.status, out.result_url, out.timed_out], ['completed', 'https://app.example', false]);
    assert.deepEqual(
      progress.map((p) => p.progress),
      [30, 70, 100],
    );
    assert.equal(progress[0]!.message, 'Building');
  });

  it('wait_for_response stops at the time limit with the current state', async () => {
    const up = new FakeUpstream()
      .on('getSession', async () => view('running'))
      .on('sendMessage', async () => ({
        sessionId: SESSION_ID,
        workflowId: WORKFLOW_ID,
        workflow: undefined,
        status: 'running',
        timedOut: false,
      }));
    up.watchViews = [view('running', { progress: { percentage: 10 } })];
    const { client } = await connect(up, 30);
    await client.callTool({ name: 'bilt_get_session', arguments: { session_id: SESSION_ID } });
    const out = (
      await client.callTool({
        name: 'bilt_send_message',
        arguments: { session_id: SESSION_ID, message: 'x', wait_for_response: true },
      })
    ).structuredContent as Record<string, unknown>;
    assert.deepEqual([out.status, out.timed_out], ['running', true]);
  });

  it('honours the client cancelling a waiting call', async () => {
    const up = new FakeUpstream()
      .on('getSession', async () => view('running'))
      .on('sendMessage', async () => ({
        sessionId: SESSION_ID,
        workflowId: WORKFLOW_ID,
        workflow: undefined,
        status: 'running',
        timedOut: false,
      }));
    const { client } = await connect(up, 60_000);
    await client.callTool({ name: 'bilt_get_session', arguments: { session_id: SESSION_ID } });
    const ac = new AbortController();
    const call = client.callTool(
      { name: 'bilt_send_message', arguments: { session_id: SESSION_ID, message: 'x', wait_for_response: true } },
      undefined,
      { signal: ac.signal },
    );
    await until(() => up.watchSignals.length === 1, 'the bridge to start waiting');
    ac.abort();
    await assert.rejects(call, /abort/i);
    await until(() => up.watchSignals[0]!.aborted, 'the bridge to stop waiting upstream');
  });

  it('resume with answers goes to the paused workflow; resume without a resume operation explains what to do', async () => {
    const paused = view('paused', {
      pause: {
        type: 'questions',
        questions: [{ question: 'Color?', options: ['red'], multiSelect: false, allowText: false }],
      },
    });
    const up = new FakeUpstream()
      .on('getSession', async () => paused)
      .on('answer', async () => 'running')
      .on('resume', async () => {
        throw new BiltError('unsupported', 'This server has no resume operation', {
          message: 'the workflow waits for answers to its questions: answer them instead',
        });
      });
    const { client } = await connect(up);
    await client.callTool({ name: 'bilt_get_session', arguments: { session_id: SESSION_ID } });
    const ok = (
      await client.callTool({
        name: 'bilt_resume_workflow',
        arguments: { session_id: SESSION_ID, answers: [{ question_index: 0, selected_options: ['red'] }] },
      })
    ).structuredContent as Record<string, unknown>;
    assert.deepEqual([ok.status, ok.workflow_id], ['running', WORKFLOW_ID]);
    assert.deepEqual(up.calls.find((c) => c.op === 'answer')!.args.slice(1, 3), [
      WORKFLOW_ID,
      [{ questionIndex: 0, selectedOptions: ['red'] }],
    ]);
    const no = body(await client.callTool({ name: 'bilt_resume_workflow', arguments: { session_id: SESSION_ID } }));
    assert.match(String(no.details.message), /answer them instead/);
  });
});
