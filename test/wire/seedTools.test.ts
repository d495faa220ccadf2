/** The seed contract (/mcp) over the wire: the tool list and every tool's happy path. */
import assert from 'node:assert/strict';
import type { Progress, Tool } from '@modelcontextprotocol/sdk/types.js';
import { newSession, sessionReaches, uniqueName, useEngine, UUID_RE } from './support/fixture';

const SEED_TOOLS = [
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_create_project',
  'bilt_get_session',
  'bilt_send_message',
  'bilt_get_messages',
  'bilt_resume_workflow',
  'bilt_cancel_workflow',
];
const READ_ONLY = ['bilt_list_projects', 'bilt_get_project', 'bilt_get_session', 'bilt_get_messages'];

type JsonSchema = {
  type?: unknown;
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
  items?: JsonSchema;
};
const input = (tool: Tool | undefined) => tool!.inputSchema as JsonSchema;

describe('wire: seed contract tools (/mcp)', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const tool = (name: string) => t.seed.tools.find((x) => x.name === name);

  it('get_session without ids before any project exists is "No session found" (runs first)', async () => {
    const body = await t.seed.callError('bilt_get_session', {});
    assert.equal(body.error, 'No session found');
    assert.equal(body.details.code, 'not_found');
  });

  it('tools/list: exactly the 8 documented tools with titles, schemas, limits and annotations', () => {
    assert.deepEqual(
      t.seed.tools.map((x) => x.name),
      SEED_TOOLS,
    );
    for (const x of t.seed.tools) {
      assert.ok(x.title && x.description, `${x.name} has a title and a description`);
      assert.equal(x.inputSchema.type, 'object');
      assert.equal(x.outputSchema?.type, 'object', `${x.name} has an outputSchema`);
      assert.equal(x.annotations?.readOnlyHint, READ_ONLY.includes(x.name), `${x.name} readOnlyHint`);
      assert.equal(
        x.annotations?.destructiveHint === true,
        x.name === 'bilt_cancel_workflow',
        `${x.name} destructiveHint`,
      );
      assert.ok(
        Object.keys(input(x).properties ?? {}).every((k) => /^[a-z_]+$/.test(k)),
        `${x.name} params are snake_case`,
      );
    }
    const send = input(tool('bilt_send_message'));
    assert.deepEqual(send.required, ['session_id', 'message']);
    assert.deepEqual([send.properties!['message']!['minLength'], send.properties!['message']!['maxLength']], [1, 5000]);
    assert.equal(send.properties!['wait_for_response']!['type'], 'boolean');
    assert.equal(input(tool('bilt_cancel_workflow')).properties!['reason']!['maxLength'], 500);
    const page = input(tool('bilt_get_messages')).properties!;
    assert.deepEqual(
      [page['limit']!['type'], page['limit']!['minimum'], page['limit']!['maximum']],
      ['integer', 1, 100],
    );
    assert.equal(page['offset']!['minimum'], 0);
    const create = input(tool('bilt_create_project'));
    assert.deepEqual(create.required, ['name']);
    assert.deepEqual([create.properties!['name']!['minLength'], create.properties!['name']!['maxLength']], [1, 255]);
    assert.equal(create.properties!['name']!['pattern'], '^[A-Za-z0-9_-]+$');
    assert.equal(create.properties!['description']!['maxLength'], 1000);
    assert.deepEqual(create.properties!['visibility']!['enum'], ['PUBLIC', 'PRIVATE']);
    const answers = input(tool('bilt_resume_workflow')).properties!['answers'] as JsonSchema;
    assert.deepEqual(Object.keys(answers.items!.properties!), ['question_index', 'selected_options', 'text']);
    assert.equal(input(tool('bilt_get_project')).properties!['project_id']!['format'], 'uuid');
  });

  it('create, get and list projects: visibility defaults to public, PRIVATE becomes private', async () => {
    const name = uniqueName('pub');
    const pub = await t.seed.call('bilt_create_project', { name });
    assert.match(pub.id, UUID_RE);
    assert.deepEqual([pub.name, pub.description, pub.visibility], [name, null, 'public']);
    assert.equal(pub.created_at, pub.updated_at);
    const priv = await t.seed.call('bilt_create_project', {
      name: uniqueName('priv'),
      description: 'A private one',
      visibility: 'PRIVATE',
    });
    assert.deepEqual([priv.visibility, priv.description], ['private', 'A private one']);
    assert.deepEqual(await t.seed.call('bilt_get_project', { project_id: pub.id }), pub);
    const { projects } = await t.seed.call('bilt_list_projects', {});
    assert.deepEqual(
      projects.filter((p) => p.id === pub.id || p.id === priv.id),
      [priv, pub],
      'newest first',
    );
    for (let i = 1; i < projects.length; i++) {
      assert.ok(projects[i - 1]!.created_at >= projects[i]!.created_at);
    }
  });

  it('get_session: project_id creates one idle session, session_id reads it, no ids reads the most recent', async () => {
    const p = await t.seed.call('bilt_create_project', { name: uniqueName() });
    const s = await t.seed.call('bilt_get_session', { project_id: p.id });
    assert.match(s.session_id, UUID_RE);
    assert.deepEqual(
      [s.project_id, s.status, s.message_count, s.workflow_id, s.workflows],
      [p.id, 'idle', 0, null, []],
    );
    assert.equal(
      (await t.seed.call('bilt_get_session', { project_id: p.id })).session_id,
      s.session_id,
      'the same session again',
    );
    assert.deepEqual(await t.seed.call('bilt_get_session', { session_id: s.session_id }), s);
    assert.deepEqual(await t.seed.call('bilt_get_session', { session_id: s.session_id, project_id: p.id }), s);

    const other = await newSession(t.seed);
    await t.seed.call('bilt_send_message', {
      session_id: s.session_id,
      message: 'Touch me last',
      wait_for_response: true,
    });
    assert.notEqual(other.sessionId, s.session_id);
    assert.equal(
      (await t.seed.call('bilt_get_session', {})).session_id,
      s.session_id,
      'the most recently active session',
    );
  });

  it('send_message returns at once with the running workflow; the session then completes', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Add a login screen' });
    assert.deepEqual(
      [sent.session_id, sent.workflow_started, sent.status, sent.subscriber_count],
      [sessionId, true, 'running', 0],
    );
    assert.match(sent.workflow_id!, UUID_RE);
    assert.equal(sent.timed_out, undefined, 'timed_out only comes with wait_for_response');
    const done = await sessionReaches(t.seed, sessionId, ['completed']);
    assert.equal(done.workflow_id, sent.workflow_id);
    const w = done.workflows![0]!;
    assert.deepEqual(
      [w.workflow_id, w.status, w.message, w.error, w.interrupted],
      [sent.workflow_id, 'completed', 'Add a login screen', null, false],
    );
    assert.match(w.result_url!, /^https:\/\/app-[0-9a-f]{8}\.quick\.test$/);
    assert.deepEqual(w.progress, { percentage: 100, current_step: 'Deploying' });
    assert.ok(w.ended_at);
  });

  it('send_message with wait_for_response blocks until completed and sends increasing MCP progress', async () => {
    const { sessionId } = await newSession(t.seed, 'waiting');
    const progress: Progress[] = [];
    const sent = await t.seed.call(
      'bilt_send_message',
      { session_id: sessionId, message: 'Build it', wait_for_response: true },
      { onprogress: (p) => progress.push(p) },
    );
    assert.deepEqual(
      [sent.status, sent.timed_out, sent.result_url],
      ['completed', false, 'https://waiting.quick.test'],
    );
    assert.deepEqual(sent.progress, { percentage: 100, current_step: 'Deploying' });
    assert.ok(progress.length >= 2, `progress notifications arrived: ${JSON.stringify(progress)}`);
    for (let i = 1; i < progress.length; i++) {
      assert.ok(progress[i]!.progress > progress[i - 1]!.progress, 'progress increases');
    }
    assert.ok(progress.every((p) => p.total === 100 && typeof p.message === 'string'));
    assert.ok(progress.at(-1)!.progress <= 100);
  });

  it('get_messages pages newest first with limit, offset, total and has_more', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Page me',
      wait_for_response: true,
    });
    const all = await t.seed.call('bilt_get_messages', { session_id: sessionId });
    const n = all.total;
    assert.ok(n >= 4, `a few messages were written (${n})`);
    assert.equal(all.messages.length, n);
    assert.equal(all.has_more, false);
    assert.deepEqual(
      all.messages.map((m) => m.seq),
      Array.from({ length: n }, (_, i) => n - i),
      'newest first',
    );
    const oldest = all.messages.at(-1)!;
    assert.deepEqual(
      [oldest.side, oldest.variant, oldest.message, oldest.workflow_id],
      ['user', 'info', 'Page me', sent.workflow_id],
    );
    const newest = all.messages[0]!;
    assert.deepEqual([newest.side, newest.variant], ['ai', 'success']);
    assert.match(newest.message, /Workflow completed\./);

    const first = await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 2 });
    assert.deepEqual([first.total, first.has_more, first.messages], [n, true, all.messages.slice(0, 2)]);
    const middle = await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 2, offset: 2 });
    assert.deepEqual(middle.messages, all.messages.slice(2, 4));
    const last = await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 100, offset: n - 1 });
    assert.deepEqual([last.messages, last.has_more], [[oldest], false]);
    const past = await t.seed.call('bilt_get_messages', { session_id: sessionId, offset: n + 5 });
    assert.deepEqual([past.messages, past.total, past.has_more], [[], n, false]);
  });
});
