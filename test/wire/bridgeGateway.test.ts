/**
 * The bundled bridge pointed at a Session API gateway (the stand-in, answering as the open-source
 * gateway's running code does): the seed tools that map onto it work, with the gateway's ids shown as
 * UUIDs the seed schemas accept, and the ones that cannot map answer a clear error.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';

const BRIDGE = path.resolve(__dirname, '../../dist/bridge.js');
const TOKEN = 'gateway-token-7f3a';

type Structured = Record<string, unknown>;

describe('bridge over stdio → a Session API gateway', function () {
  this.timeout(30_000);
  let gateway: StandInGateway;
  let bridge: Client;
  before(async () => {
    gateway = await startStandInGateway({ token: TOKEN });
    bridge = new Client({ name: 'bilt-tests', version: '1.0.0' });
    await bridge.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [BRIDGE],
        env: { PATH: process.env.PATH ?? '', BILT_URL: gateway.url, BILT_TOKEN: TOKEN },
        stderr: 'ignore',
      }),
    );
  });
  after(async () => {
    await bridge?.close();
    await gateway?.stop();
  });

  const call = async (name: string, args: Structured = {}) => {
    const r = await bridge.callTool({ name, arguments: args });
    const text = (r.content as Array<{ text: string }>)[0]!.text;
    return { isError: r.isError === true, body: (r.isError ? JSON.parse(text) : r.structuredContent) as Structured };
  };

  it("lists the gateway's sessions as projects, reads one, sends to it, reads its messages, cancels it", async () => {
    const session = gateway.addSession({ task_id: 'task-xyz', prompt: 'Refactor the parser', status: 'completed' });
    gateway.pushMessage(session.id, 'assistant', 'Parser refactored');
    const listed = await call('bilt_list_projects');
    const project = (listed.body['projects'] as Structured[]).find((p) => p['name'] === 'Refactor the parser')!;
    assert.match(String(project['id']), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const read = await call('bilt_get_session', { project_id: project['id'] });
    assert.deepEqual([read.isError, read.body['status']], [false, 'completed']);
    const sessionId = read.body['session_id'];
    const sent = await call('bilt_send_message', { session_id: sessionId, message: 'Also add tests' });
    assert.deepEqual([sent.isError, sent.body['workflow_started']], [false, true]);
    assert.deepEqual(
      gateway.requestsTo(`POST /api/sessions/${session.id}/message`).map((r) => r.body),
      [{ content: 'Also add tests' }],
    );
    const messages = await call('bilt_get_messages', { session_id: sessionId });
    assert.deepEqual(
      (messages.body['messages'] as Structured[]).map((m) => m['message']),
      ['Also add tests', 'Parser refactored'],
    );
    const cancelled = await call('bilt_cancel_workflow', { session_id: sessionId, reason: 'enough' });
    assert.deepEqual([cancelled.isError, cancelled.body['status']], [false, 'cancelled']);
    assert.deepEqual(gateway.requestsTo(`PATCH /api/sessions/${session.id}`).at(-1)?.body, { status: 'failed' });
    assert.ok(
      gateway.requests.every((r) => r.authorization === `Bearer ${TOKEN}`),
      'every request carries the token',
    );
  });

  it('answers what cannot map with a clear error', async () => {
    const created = await call('bilt_create_project', { name: 'nope' });
    assert.equal(created.isError, true);
    assert.equal((created.body['details'] as Structured)['code'], 'unsupported');
    assert.match(JSON.stringify(created.body), /session/i);
    const session = gateway.addSession({ status: 'paused' });
    const listed = await call('bilt_list_projects');
    const id = (listed.body['projects'] as Structured[]).at(-1)!['id'];
    const { body } = await call('bilt_get_session', { project_id: id });
    const answered = await call('bilt_resume_workflow', {
      session_id: body['session_id'],
      answers: [{ question_index: 0, selected_options: ['A'] }],
    });
    assert.equal(answered.isError, true);
    assert.ok(gateway.sessions.get(session.id), 'nothing was changed');
  });
});
