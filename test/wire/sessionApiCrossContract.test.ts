/**
 * One store under both front doors: a session made through the Session API is an ordinary engine
 * session for the seed MCP tools (read, send, messages, cancel), and every project and session made
 * through MCP is listed and readable through the API. Changes through either show in the other, and
 * in the event stream (/events), including updates and deletions.
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
import { parseServerEvent } from '../../src/api/watch/serverEvents';
import { newSession, sessionReaches, useEngine, uniqueName } from './support/fixture';
import { SseStream } from './support/http';
import { apiClient, apiSessionReaches } from './support/sessionApi';

describe('wire: Session API and the seed MCP contract share one store', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const api = apiClient(() => t.engine.ready);
  const streams: SseStream[] = [];
  afterEach(() => streams.splice(0).forEach((s) => s.close()));

  it('made through REST, read and driven through MCP: get_session, send_message, get_messages', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('rest'), prompt: 'Build', data: { k: 1 } });
    const done = await apiSessionReaches(api, s.id, ['completed']);
    const mcp = await t.seed.call('bilt_get_session', { session_id: s.id });
    assert.deepEqual(
      [mcp.session_id, mcp.project_id, mcp.status, mcp.workflow_id, mcp.message_count, mcp.created_at],
      [s.id, s.project_id, 'completed', done.workflow_id, done.message_count, s.created_at],
    );
    assert.equal((await t.seed.call('bilt_get_project', { project_id: s.project_id })).name, s.task_id);

    const sent = await t.seed.call('bilt_send_message', {
      session_id: s.id,
      message: 'Sent through MCP',
      wait_for_response: true,
    });
    assert.equal(sent.status, 'completed');
    const after = await api.session(s.id);
    assert.deepEqual(
      [after.status, after.workflow_id, after.prompt, after.data],
      ['completed', sent.workflow_id, 'Build', { k: 1 }],
      'the API sees the MCP workflow; prompt and data stay',
    );
    const rest = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`);
    const seed = await t.seed.call('bilt_get_messages', { session_id: s.id, limit: 100 });
    assert.equal(rest.total, seed.total);
    assert.deepEqual(
      rest.messages.map((m) => [m.id, m.seq, m.role === 'user' ? 'user' : 'ai', m.content, m.variant, m.workflow_id]),
      seed.messages.reverse().map((m) => [m.id, m.seq, m.side, m.message, m.variant, m.workflow_id]),
    );
    assert.ok(rest.messages.some((m) => m.role === 'user' && m.content === 'Sent through MCP'));
  });

  it('made through MCP, listed and read through REST with the default agent and the project’s name as task', async () => {
    const name = uniqueName('mcp');
    const { projectId, sessionId } = await newSession(t.seed, name);
    const { sessions } = await api.ok(SessionList, 'GET', `/api/sessions?task_id=${name}`);
    assert.equal(sessions.length, 1);
    const s = sessions[0]!;
    assert.deepEqual(s, {
      id: sessionId,
      agent_id: 'EMULATOR',
      task_id: name,
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
      project_id: projectId,
    });
    assert.ok(
      (await api.ok(SessionList, 'GET', '/api/sessions?agent_id=EMULATOR&status=created')).sessions.some(
        (x) => x.id === sessionId,
      ),
    );

    const sent = await api.ok(SendMessageResult, 'POST', `/api/sessions/${sessionId}/message`, {
      content: 'From REST',
    });
    const mcp = await sessionReaches(t.seed, sessionId, ['completed']);
    assert.equal(mcp.workflow_id, sent.workflow_id);
    const { messages } = await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 100 });
    const first = messages.at(-1)!;
    assert.deepEqual([first.id, first.side, first.message], [sent.message_id, 'user', 'From REST']);
    const live = await t.live.call('bilt_get_session', { projectId });
    assert.equal(live.hasActiveWorkflows, false);
  });

  it('a project with several sessions: MCP reads the newest; deleting it makes the previous one current', async () => {
    const task = uniqueName('several');
    const older = await api.create({ agent_id: 'EMULATOR', task_id: task });
    const newer = await api.create({ agent_id: 'EMULATOR', task_id: task });
    assert.equal((await t.seed.call('bilt_get_session', { project_id: older.project_id })).session_id, newer.id);
    assert.deepEqual(await api.ok(DeleteResult, 'DELETE', `/api/sessions/${newer.id}`), { deleted: newer.id });
    assert.equal((await t.seed.call('bilt_get_session', { project_id: older.project_id })).session_id, older.id);
    const messages = await t.seed.callError('bilt_get_messages', { session_id: newer.id });
    assert.deepEqual([messages.error, messages.details.code], ['Session not found', 'not_found']);
    const send = await t.seed.callError('bilt_send_message', { session_id: newer.id, message: 'hello?' });
    assert.equal(send.details.code, 'not_found');
  });

  it('the event stream publishes a PATCH as a session event and a DELETE as session.deleted, which the client reads', async () => {
    const task = uniqueName('events');
    const kept = await api.create({ agent_id: 'EMULATOR', task_id: task });
    const s = await api.create({ agent_id: 'EMULATOR', task_id: task });
    const all = await SseStream.open(t.engine.ready);
    const one = await SseStream.open(t.engine.ready, `?session_id=${s.id}`);
    streams.push(all, one);
    await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { prompt: 'Evented', data: { x: 1 } });
    const updated = await all.next(
      (e) =>
        e.event === 'session' && (JSON.parse(e.data) as { session: { prompt?: string } }).session.prompt === 'Evented',
      'the session event of the PATCH',
    );
    const parsed = parseServerEvent(updated.event, updated.data, updated.id);
    assert.ok(parsed?.type === 'session');
    assert.deepEqual(
      [parsed.session.id, parsed.session.prompt, parsed.session.data, parsed.session.agentId, parsed.session.taskId],
      [s.id, 'Evented', { x: 1 }, 'EMULATOR', task],
    );

    await api.raw('DELETE', `/api/sessions/${s.id}`);
    for (const stream of [all, one]) {
      const deleted = await stream.next((e) => e.event === 'session.deleted', 'the session.deleted event');
      const data = JSON.parse(deleted.data) as { sessionId: string; projectId: string; currentSession: Session | null };
      assert.deepEqual(
        [data.sessionId, data.projectId, (data.currentSession as { id?: string } | null)?.id],
        [s.id, s.project_id, kept.id],
      );
      assert.match(String(deleted.id), /^\d+$/);
      const parsed = parseServerEvent(deleted.event, deleted.data, deleted.id);
      assert.deepEqual(
        parsed && parsed.type === 'sessionDeleted' ? [parsed.sessionId, parsed.projectId, parsed.current?.id] : parsed,
        [s.id, s.project_id, kept.id],
        'the client reads it (the store then forgets the deleted session)',
      );
    }
  });
});

describe('wire: Session API and MCP cancel and resume (slow emulator)', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1 });
  const api = apiClient(() => t.engine.ready);

  it('bilt_cancel_workflow on a REST session reads failed (workflow_status cancelled) through REST', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('cancel'), prompt: 'Slow build' });
    const running = await apiSessionReaches(api, s.id, ['active']);
    const cancelled = await t.seed.call('bilt_cancel_workflow', { session_id: s.id, reason: 'Changed my mind' });
    assert.deepEqual([cancelled.status, cancelled.workflow_id], ['cancelled', running.workflow_id]);
    const after = await api.session(s.id);
    assert.deepEqual([after.status, after.workflow_status, after.pause_type], ['failed', 'cancelled', null]);
    const last = (await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`)).messages.at(-1)!;
    assert.equal(last.content, 'Workflow cancelled: Changed my mind');
  });

  it('a REST pause is resumed by bilt_resume_workflow, and an MCP-started workflow is paused through REST', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('mixed'), prompt: 'Slow build' });
    await apiSessionReaches(api, s.id, ['active']);
    await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'paused' });
    assert.equal((await t.seed.call('bilt_resume_workflow', { session_id: s.id })).status, 'running');
    assert.equal((await api.session(s.id)).status, 'active');
    await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'failed' });

    const { sessionId } = await newSession(t.seed);
    await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Slow build' });
    await sessionReaches(t.seed, sessionId, ['running']);
    const paused = await api.ok(ApiSession, 'PATCH', `/api/sessions/${sessionId}`, { status: 'paused' });
    assert.deepEqual([paused.status, paused.agent_id], ['paused', 'EMULATOR']);
    assert.equal((await t.seed.call('bilt_get_session', { session_id: sessionId })).status, 'paused');
    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
  });
});
