/**
 * The Session API (/api/sessions, seed 003) over the wire, on a real engine with the emulator: every
 * endpoint, every field of a session, the filters alone and combined, data merging, the prompt, and
 * the messages cursor. Every answer is checked against the contract's output schema.
 */
import assert from 'node:assert/strict';
import {
  ApiSession,
  DeleteResult,
  MessagesResult,
  SendMessageResult,
  SessionList,
  type ApiSession as Session,
} from '../../src/core/contract/sessionApi';
import { useEngine, uniqueName, UUID_RE } from './support/fixture';
import { apiClient, apiSessionReaches } from './support/sessionApi';

const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('wire: Session API sessions and messages (quick emulator)', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const api = apiClient(() => t.engine.ready);
  const list = (query = '') => api.ok(SessionList, 'GET', `/api/sessions${query}`);

  it('POST creates a session (201, Location) in a new project named session-<8 hex>, with every field', async () => {
    const res = await api.raw('POST', '/api/sessions', { agent_id: 'EMULATOR' });
    assert.equal(res.status, 201, res.text);
    const s = res.json<Session>();
    assert.equal(res.headers['location'], `/api/sessions/${s.id}`);
    assert.match(s.id, UUID_RE);
    assert.deepEqual(s, {
      id: s.id,
      agent_id: 'EMULATOR',
      task_id: `session-${s.id.slice(0, 8)}`,
      status: 'created',
      prompt: null,
      data: {},
      created_at: s.created_at,
      last_active: s.created_at,
      message_count: 0,
      workflow_status: 'idle',
      pause_type: null,
      workflow_id: null,
      progress: null,
      result_url: null,
      project_id: s.project_id,
    });
    assert.match(s.created_at, ISO_RE);
    assert.match(s.project_id, UUID_RE);
    assert.deepEqual(await api.session(s.id), s, 'GET answers the same session');
    const project = await t.seed.call('bilt_get_project', { project_id: s.project_id });
    assert.equal(project.name, `session-${s.id.slice(0, 8)}`);
  });

  it('a task_id names a project: an existing one (any case) is reused, a new one is created; the newest session is current', async () => {
    const task = uniqueName('Task');
    const first = await api.create({ agent_id: 'emulator', task_id: task, data: { note: 'first' } });
    assert.equal(first.task_id, task);
    const second = await api.create({ agent_id: 'EMULATOR', task_id: task.toLowerCase() });
    assert.equal(second.project_id, first.project_id, 'the same project');
    assert.equal(second.task_id, task, "task_id is the project's name as it was created");
    assert.notEqual(second.id, first.id);
    assert.deepEqual(first.data, { note: 'first' });
    const current = await t.seed.call('bilt_get_session', { project_id: first.project_id });
    assert.equal(current.session_id, second.id, 'MCP reads the most recently created session of the project');
    const { sessions } = await list(`?task_id=${task.toUpperCase()}`);
    assert.deepEqual(
      sessions.map((s) => s.id),
      [second.id, first.id],
      'both, newest first',
    );
  });

  it('a prompt starts the first workflow: created → active → completed, with progress, result and messages', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('prompted'), prompt: 'Build a shop' });
    assert.equal(s.prompt, 'Build a shop');
    assert.ok(['active', 'completed'].includes(s.status), s.status);
    assert.match(String(s.workflow_id), UUID_RE);
    assert.ok(s.message_count >= 1);
    const done = await apiSessionReaches(api, s.id, ['completed']);
    assert.deepEqual(
      [done.workflow_status, done.workflow_id, done.progress?.percentage, done.result_url, done.pause_type],
      ['completed', s.workflow_id, 100, `https://${s.task_id!.toLowerCase()}.quick.test`, null],
    );
    assert.ok(done.last_active >= done.created_at && done.last_active > s.created_at, 'last_active moved');
    const { messages, total } = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`);
    assert.equal(done.message_count, total);
    assert.deepEqual(
      [messages[0]!.role, messages[0]!.content, messages[0]!.workflow_id, messages[0]!.seq],
      ['user', 'Build a shop', s.workflow_id, 1],
    );
    assert.equal(messages.at(-1)!.variant, 'success');
    assert.ok(messages.slice(1).every((m) => m.role === 'assistant'));
  });

  it('POST /message starts a workflow like bilt_send_message and answers {message_id, status: sent, timestamp, workflow_id}', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('messaged') });
    const sent = await api.ok(SendMessageResult, 'POST', `/api/sessions/${s.id}/message`, { content: 'Add a cart' });
    assert.equal(sent.status, 'sent');
    assert.match(sent.message_id, UUID_RE);
    assert.match(sent.timestamp, ISO_RE);
    const done = await apiSessionReaches(api, s.id, ['completed']);
    assert.equal(done.workflow_id, sent.workflow_id);
    assert.equal(done.prompt, null, 'a message is not the prompt');
    const first = (await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages?limit=1`)).messages[0]!;
    assert.deepEqual(
      [first.id, first.role, first.content, first.timestamp, first.workflow_id],
      [sent.message_id, 'user', 'Add a cart', sent.timestamp, sent.workflow_id],
    );
    const again = await api.ok(SendMessageResult, 'POST', `/api/sessions/${s.id}/message`, {
      content: 'x'.repeat(5000),
    });
    assert.notEqual(
      again.workflow_id,
      sent.workflow_id,
      'a new workflow once the first completed; 5000 characters fit',
    );
    await apiSessionReaches(api, s.id, ['completed']);
  });

  it('GET /messages pages oldest first after a seq cursor: next_cursor, has_more, total; an empty page has next_cursor null', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('paged'), prompt: 'Build' });
    const done = await apiSessionReaches(api, s.id, ['completed']);
    const all = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`);
    assert.equal(all.total, done.message_count);
    assert.deepEqual(
      all.messages.map((m) => m.seq),
      Array.from({ length: all.total }, (_, i) => i + 1),
    );
    assert.deepEqual([all.next_cursor, all.has_more], [all.total, false]);

    const seen: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 20; pages++) {
      const page = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages?after=${after}&limit=2`);
      assert.equal(page.total, all.total);
      seen.push(...page.messages.map((m) => m.seq));
      assert.equal(page.has_more, seen.length < all.total);
      assert.equal(page.next_cursor, page.messages.at(-1)!.seq);
      after = page.next_cursor!;
      if (!page.has_more) {
        break;
      }
    }
    assert.deepEqual(
      seen,
      all.messages.map((m) => m.seq),
    );
    const end = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages?after=${all.total}`);
    assert.deepEqual(end, { messages: [], next_cursor: null, has_more: false, total: all.total });
    const beyond = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages?after=1000&limit=100`);
    assert.deepEqual([beyond.messages, beyond.next_cursor, beyond.total], [[], null, all.total]);
    const mcp = await t.seed.call('bilt_get_messages', { session_id: s.id, limit: 100 });
    assert.deepEqual(
      mcp.messages.map((m) => [m.id, m.seq, m.message]).reverse(),
      all.messages.map((m) => [m.id, m.seq, m.content]),
      'the same messages as bilt_get_messages, in the other order',
    );
  });

  it('filters by task_id, agent_id and status, alone and combined', async () => {
    const task = uniqueName('filtered');
    const other = uniqueName('other');
    const idle = await api.create({ agent_id: 'EMULATOR', task_id: task });
    const claude = await api.create({ agent_id: 'claude-code', task_id: task });
    const built = await api.create({ agent_id: 'Emulator', task_id: task, prompt: 'Build' });
    const elsewhere = await api.create({ agent_id: 'CODEX', task_id: other });
    await apiSessionReaches(api, built.id, ['completed']);
    const ids = async (query: string) => (await list(query)).sessions.map((s) => s.id);

    assert.deepEqual(await ids(`?task_id=${task}`), [built.id, claude.id, idle.id]);
    assert.deepEqual(await ids(`?task_id=${other}`), [elsewhere.id]);
    assert.deepEqual(await ids(`?task_id=${uniqueName('none')}`), []);
    const emulators = await ids('?agent_id=EMULATOR');
    assert.ok(emulators.includes(idle.id) && emulators.includes(built.id) && !emulators.includes(claude.id));
    assert.deepEqual(await ids('?agent_id=claude_code'), await ids('?agent_id=CLAUDE-CODE'));
    assert.ok((await ids('?agent_id=Claude_Code')).includes(claude.id));
    assert.ok(!(await ids('?agent_id=CODEX')).includes(claude.id));
    assert.deepEqual(await ids('?agent_id=NOBODY'), [], 'an unknown agent matches nothing');
    const created = await ids('?status=created');
    assert.ok(created.includes(idle.id) && created.includes(claude.id) && !created.includes(built.id));
    assert.ok((await ids('?status=completed')).includes(built.id));

    assert.deepEqual(await ids(`?task_id=${task}&status=created`), [claude.id, idle.id]);
    assert.deepEqual(await ids(`?task_id=${task}&agent_id=emulator`), [built.id, idle.id]);
    assert.deepEqual(await ids(`?task_id=${task}&agent_id=EMULATOR&status=created`), [idle.id]);
    assert.deepEqual(await ids(`?task_id=${task}&agent_id=CLAUDE_CODE&status=completed`), []);
    assert.deepEqual(await ids(`?task_id=${task}&status=failed`), []);
    const everything = (await list()).sessions;
    assert.ok(everything.length >= 4);
    assert.deepEqual(
      everything.map((s) => s.created_at),
      everything
        .map((s) => s.created_at)
        .sort()
        .reverse(),
      'newest first',
    );
  });

  it('PATCH merges data (null removes a key), stores the prompt, and moves last_active; a refused status stores nothing', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('patched'), data: { a: 1, b: { c: 2 } } });
    const patched = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, {
      data: { b: null, d: [1, 2], model: 'sonnet-4' },
      prompt: 'A better prompt',
    });
    assert.deepEqual(patched.data, { a: 1, d: [1, 2], model: 'sonnet-4' });
    assert.equal(patched.prompt, 'A better prompt');
    assert.deepEqual(
      [patched.status, patched.workflow_id, patched.message_count],
      ['created', null, 0],
      'no work started',
    );
    assert.ok(patched.last_active >= s.last_active);
    assert.deepEqual(await api.session(s.id), patched);
    const same = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { data: {} });
    assert.deepEqual(same.data, patched.data);
    const workdir = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, {
      data: { workdir: t.engine.ready.dataDir, model: null },
    });
    assert.deepEqual(workdir.data, { a: 1, d: [1, 2], workdir: t.engine.ready.dataDir });

    const done = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('done'), prompt: 'Build' });
    await apiSessionReaches(api, done.id, ['completed']);
    const before = await api.session(done.id);
    const refused = await api.fails(409, 'PATCH', `/api/sessions/${done.id}`, {
      status: 'active',
      prompt: 'p',
      data: { x: 1 },
    });
    assert.deepEqual(
      [refused.error, refused.code, refused.details['current_status']],
      ['Cannot resume workflow', 'illegal_state', 'completed'],
    );
    assert.deepEqual(await api.session(done.id), before, 'a refused PATCH stores nothing (neither prompt nor data)');
  });

  it('DELETE removes a finished session and its messages (the project stays); it is gone for REST and MCP', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('deleted'), prompt: 'Build' });
    await apiSessionReaches(api, s.id, ['completed']);
    assert.deepEqual(await api.ok(DeleteResult, 'DELETE', `/api/sessions/${s.id}`), { deleted: s.id });
    await api.fails(404, 'GET', `/api/sessions/${s.id}`);
    await api.fails(404, 'GET', `/api/sessions/${s.id}/messages`);
    await api.fails(404, 'DELETE', `/api/sessions/${s.id}`);
    assert.ok(!(await list()).sessions.some((x) => x.id === s.id));
    assert.equal((await t.seed.callError('bilt_get_session', { session_id: s.id })).details.code, 'not_found');
    assert.equal((await t.seed.call('bilt_get_project', { project_id: s.project_id })).id, s.project_id);
  });
});
