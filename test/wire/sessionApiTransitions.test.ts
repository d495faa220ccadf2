/**
 * PATCH status and DELETE over the wire: paused really pauses running work and active continues it,
 * failed cancels it for good (workflow_status cancelled), a status the session has is a no-op, a
 * questions pause is paused (pause_type questions) and will not continue without answers, busy work is
 * deleted only with force. Refusals are 409 and change nothing.
 */
import assert from 'node:assert/strict';
import { ApiSession, DeleteResult, MessagesResult, SessionList } from '../../src/core/contract/sessionApi';
import { useEngine, uniqueName } from './support/fixture';
import { apiClient, apiSessionReaches, invalidField } from './support/sessionApi';

describe('wire: Session API status transitions (slow emulator, real time)', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1 });
  const api = apiClient(() => t.engine.ready);
  const patch = (id: string, body: unknown) => api.ok(ApiSession, 'PATCH', `/api/sessions/${id}`, body);
  const statusOf = (s: ApiSession) => [s.status, s.workflow_status, s.pause_type];

  it('created → active; paused (engine pause) and back to active; failed reads workflow_status cancelled', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('moving') });
    assert.equal(s.status, 'created');
    await api.raw('POST', `/api/sessions/${s.id}/message`, { content: 'Slow build' });
    const running = await apiSessionReaches(api, s.id, ['active']);
    assert.deepEqual(statusOf(running), ['active', 'running', null]);

    const paused = await patch(s.id, { status: 'paused' });
    assert.deepEqual(statusOf(paused), ['paused', 'paused', null]);
    assert.deepEqual(statusOf(await patch(s.id, { status: 'paused' })), ['paused', 'paused', null], 'again: a no-op');
    const mcp = await t.seed.call('bilt_get_session', { session_id: s.id });
    assert.deepEqual([mcp.status, mcp.pause], ['paused', undefined]);
    const newest = (await t.seed.call('bilt_get_messages', { session_id: s.id, limit: 1 })).messages[0]!;
    assert.equal(newest.message, 'Workflow paused. Resume it to continue.');

    const resumed = await patch(s.id, { status: 'active' });
    assert.deepEqual(statusOf(resumed), ['active', 'running', null]);
    assert.equal(resumed.workflow_id, running.workflow_id, 'the same workflow continues');
    assert.deepEqual(statusOf(await patch(s.id, { status: 'active' })), ['active', 'running', null], 'a no-op');

    const failed = await patch(s.id, { status: 'failed' });
    assert.deepEqual(statusOf(failed), ['failed', 'cancelled', null]);
    assert.deepEqual(statusOf(await patch(s.id, { status: 'failed' })), ['failed', 'cancelled', null], 'a no-op');
    assert.equal((await t.seed.call('bilt_get_session', { session_id: s.id })).status, 'cancelled');

    for (const status of ['active', 'paused'] as const) {
      const refused = await api.fails(409, 'PATCH', `/api/sessions/${s.id}`, { status, data: { kept: false } });
      assert.equal(refused.details['current_status'], 'cancelled');
      assert.equal(refused.code, 'illegal_state');
    }
    assert.deepEqual((await api.session(s.id)).data, {}, 'refused PATCHes stored nothing');
  });

  it('a paused session can be failed; a created session cannot be paused, continued or failed (409)', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('paused'), prompt: 'Slow build' });
    await apiSessionReaches(api, s.id, ['active']);
    await patch(s.id, { status: 'paused' });
    assert.deepEqual(statusOf(await patch(s.id, { status: 'failed' })), ['failed', 'cancelled', null]);

    const idle = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('idle') });
    const refusals = [
      ['paused', 'Cannot pause workflow', 'Only a running workflow can be paused'],
      ['active', 'Cannot resume workflow', 'No workflow to resume; send a message to start one'],
      ['failed', 'Cannot cancel workflow', 'No workflow is running'],
    ] as const;
    for (const [status, error, message] of refusals) {
      const body = await api.fails(409, 'PATCH', `/api/sessions/${idle.id}`, { status });
      assert.deepEqual(
        [body.error, body.code, body.details['current_status'], body.details['message']],
        [error, 'illegal_state', 'idle', message],
      );
    }
    assert.deepEqual(await api.session(idle.id), idle, 'nothing changed');
  });

  it('one workflow at a time: a message to active or paused work is 409 with the engine’s words', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('busy'), prompt: 'Slow build' });
    const running = await apiSessionReaches(api, s.id, ['active']);
    const busy = await api.fails(409, 'POST', `/api/sessions/${s.id}/message`, { content: 'More' });
    assert.deepEqual(
      [busy.error, busy.code, busy.details['current_status'], busy.details['workflow_id']],
      ['A workflow is already in progress', 'conflict', 'running', running.workflow_id],
    );
    await patch(s.id, { status: 'paused' });
    const paused = await api.fails(409, 'POST', `/api/sessions/${s.id}/message`, { content: 'More' });
    assert.match(String(paused.details['message']), /The current workflow is paused: resume it, or cancel it/);
    const { messages } = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`);
    assert.deepEqual(
      messages.filter((m) => m.role === 'user').map((m) => m.content),
      ['Slow build'],
      'the refused messages were not stored',
    );
    await patch(s.id, { status: 'failed' });
  });

  it('DELETE of active or paused work is 409 unless force=true, which cancels it first', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('doomed'), prompt: 'Slow build' });
    const running = await apiSessionReaches(api, s.id, ['active']);
    for (const query of ['', '?force=false']) {
      const refused = await api.fails(409, 'DELETE', `/api/sessions/${s.id}${query}`);
      assert.deepEqual(
        [refused.error, refused.code, refused.details['current_status'], refused.details['workflow_id']],
        ['Cannot delete session', 'conflict', 'running', running.workflow_id],
      );
      assert.match(String(refused.details['message']), /force=true/);
    }
    invalidField(
      await api.fails(400, 'DELETE', `/api/sessions/${s.id}?force=yes`),
      'force',
      'force must be true or false',
    );
    assert.deepEqual(statusOf(await api.session(s.id)), ['active', 'running', null], 'still running');

    await patch(s.id, { status: 'paused' });
    assert.equal((await api.fails(409, 'DELETE', `/api/sessions/${s.id}`)).details['current_status'], 'paused');
    assert.deepEqual(await api.ok(DeleteResult, 'DELETE', `/api/sessions/${s.id}?force=true`), { deleted: s.id });
    await api.fails(404, 'GET', `/api/sessions/${s.id}`);
    const gone = await t.seed.callError('bilt_get_session', { session_id: s.id });
    assert.deepEqual([gone.error, gone.details.code], ['Session not found', 'not_found']);
    assert.equal((await t.seed.callError('bilt_cancel_workflow', { session_id: s.id })).details.code, 'not_found');
    const { sessions } = await api.ok(SessionList, 'GET', `/api/sessions?task_id=${s.task_id}`);
    assert.deepEqual(sessions, [], 'the project stays, without sessions');
    assert.equal((await t.seed.call('bilt_get_project', { project_id: s.project_id })).name, s.task_id);
  });

  it('status filters see active, paused and failed sessions', async () => {
    const task = uniqueName('statuses');
    const active = await api.create({ agent_id: 'EMULATOR', task_id: task, prompt: 'Slow build' });
    await apiSessionReaches(api, active.id, ['active']);
    const paused = await api.create({ agent_id: 'EMULATOR', task_id: task, prompt: 'Slow build' });
    await apiSessionReaches(api, paused.id, ['active']);
    await patch(paused.id, { status: 'paused' });
    const failed = await api.create({ agent_id: 'EMULATOR', task_id: task, prompt: 'Slow build' });
    await apiSessionReaches(api, failed.id, ['active']);
    await patch(failed.id, { status: 'failed' });
    const ids = async (status: string) =>
      (await api.ok(SessionList, 'GET', `/api/sessions?task_id=${task}&status=${status}`)).sessions.map((s) => s.id);
    assert.deepEqual(
      [await ids('active'), await ids('paused'), await ids('failed'), await ids('created'), await ids('completed')],
      [[active.id], [paused.id], [failed.id], [], []],
    );
    for (const s of [active, paused]) {
      await patch(s.id, { status: 'failed' });
    }
  });
});

describe('wire: Session API and a questions pause', () => {
  const t = useEngine({ scenario: 'questions.json' });
  const api = apiClient(() => t.engine.ready);

  it('reads paused with pause_type questions; PATCH active is 409 (it waits for answers); answers through MCP finish it', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('asked'), prompt: 'Build' });
    const paused = await apiSessionReaches(api, s.id, ['paused']);
    assert.deepEqual([paused.workflow_status, paused.pause_type], ['paused', 'questions']);
    const refused = await api.fails(409, 'PATCH', `/api/sessions/${s.id}`, { status: 'active' });
    assert.deepEqual(
      [refused.error, refused.code, refused.details['current_status'], refused.details['pause_type']],
      ['Cannot resume workflow', 'illegal_state', 'paused', 'questions'],
    );
    assert.match(String(refused.details['message']), /waiting for answers to 2 questions/);
    const noop = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'paused' });
    assert.deepEqual([noop.status, noop.pause_type], ['paused', 'questions'], 'already paused: a no-op');
    const busy = await api.fails(409, 'POST', `/api/sessions/${s.id}/message`, { content: 'Something else' });
    assert.match(String(busy.details['message']), /waiting for answers/);

    await t.seed.call('bilt_resume_workflow', {
      session_id: s.id,
      answers: [
        { question_index: 0, selected_options: ['Blue'] },
        { question_index: 1, text: 'No' },
      ],
    });
    const done = await apiSessionReaches(api, s.id, ['completed']);
    assert.deepEqual([done.pause_type, done.result_url], [null, `https://${s.task_id!.toLowerCase()}.questions.test`]);
  });

  it('PATCH failed cancels a questions pause', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('unasked'), prompt: 'Build' });
    await apiSessionReaches(api, s.id, ['paused']);
    const failed = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'failed' });
    assert.deepEqual([failed.status, failed.workflow_status, failed.pause_type], ['failed', 'cancelled', null]);
  });
});
