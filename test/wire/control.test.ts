/** Engine-only routes: POST /engine/sessions/:id/pause and /resume on a running emulator workflow. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { until } from '../support/until';
import { invalid } from './support/assertions';
import { newSession, useEngine } from './support/fixture';
import { bearer, request, SseStream } from './support/http';

describe('wire: engine pause and resume routes', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1 });
  const post = (sessionId: string, action: string) =>
    request(t.engine.ready, `/engine/sessions/${sessionId}/${action}`, {
      method: 'POST',
      headers: bearer(t.engine.ready),
    });

  it('pause freezes a running workflow (paused, no pause reason) and resume sets it running again', async () => {
    const { sessionId } = await newSession(t.seed);
    const events = await SseStream.open(t.engine.ready, `?session_id=${sessionId}`);
    try {
      const sent = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Slow build' });
      const paused = await post(sessionId, 'pause');
      assert.equal(paused.status, 200, paused.text);
      assert.deepEqual(paused.json(), { session_id: sessionId, workflow_id: sent.workflow_id, status: 'paused' });
      const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
      assert.deepEqual([s.status, s.pause, s.workflows![0]!.pause], ['paused', undefined, null]);
      assert.deepEqual((await t.live.call('bilt_get_session', { projectId: s.project_id })).hasActiveWorkflows, true);
      const newest = (await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 1 })).messages[0]!;
      assert.equal(newest.message, 'Workflow paused. Resume it to continue.');

      const again = await post(sessionId, 'pause');
      assert.equal(again.status, 409);
      assert.deepEqual(again.json().details, {
        code: 'illegal_state',
        current_status: 'paused',
        message: 'Only a running workflow can be paused',
      });

      const resumed = await post(sessionId, 'resume');
      assert.equal(resumed.status, 200, resumed.text);
      assert.deepEqual(resumed.json(), { session_id: sessionId, workflow_id: sent.workflow_id, status: 'running' });
      assert.equal((await t.seed.call('bilt_get_session', { session_id: sessionId })).status, 'running');
      const transitions = () => {
        const all = events
          .frames<{ workflow?: { status: string } }>()
          .flatMap((f) => (f.data.workflow ? [f.data.workflow.status] : []));
        return all.filter((x, i) => x !== all[i - 1]);
      };
      await until(() => transitions().length >= 4, 'the paused and running workflow events');
      assert.deepEqual(transitions(), ['pending', 'running', 'paused', 'running']);
    } finally {
      events.close();
      await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
    }
  });

  it('the seed resume tool also resumes an engine-paused workflow, but takes no answers for it; cancel works while paused', async () => {
    const { sessionId } = await newSession(t.seed);
    await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Slow build' });
    assert.equal((await post(sessionId, 'pause')).status, 200);
    invalid(
      await t.seed.callError('bilt_resume_workflow', {
        session_id: sessionId,
        answers: [{ question_index: 0, text: 'x' }],
      }),
      'answers',
      'answers are only accepted when the workflow paused with questions',
    );
    assert.equal((await t.seed.call('bilt_resume_workflow', { session_id: sessionId })).status, 'running');
    assert.equal((await post(sessionId, 'pause')).status, 200);
    assert.equal((await t.seed.call('bilt_cancel_workflow', { session_id: sessionId })).status, 'cancelled');
    const resume = await post(sessionId, 'resume');
    assert.equal(resume.status, 409);
    assert.deepEqual(
      [resume.json().error, resume.json().details['current_status']],
      ['Cannot resume workflow', 'cancelled'],
    );
  });

  it('refuses idle sessions (409), malformed ids (400), unknown sessions (404) and GET (405)', async () => {
    const { sessionId } = await newSession(t.seed);
    const idle = await post(sessionId, 'pause');
    assert.equal(idle.status, 409);
    assert.deepEqual([idle.json().error, idle.json().details['current_status']], ['Cannot pause workflow', 'idle']);
    assert.equal((await post(sessionId, 'resume')).status, 409);
    const bad = await post('not-a-uuid', 'pause');
    assert.deepEqual([bad.status, bad.json().details['field']], [400, 'session_id']);
    const unknown = await post(randomUUID(), 'resume');
    assert.deepEqual([unknown.status, unknown.json().error], [404, 'Session not found']);
    const get = await request(t.engine.ready, `/engine/sessions/${sessionId}/pause`, {
      headers: bearer(t.engine.ready),
    });
    assert.deepEqual([get.status, get.headers['allow']], [405, 'POST']);
  });
});
