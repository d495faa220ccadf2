/** Illegal transitions from ended and idle states, and unknown ids, over the seed contract. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { refused } from './support/assertions';
import { newSession, useEngine } from './support/fixture';

describe('wire: seed transitions from idle and completed', () => {
  const t = useEngine({ scenario: 'quick.json' });

  it('cancel and resume on an idle session are refused (current_status idle)', async () => {
    const { sessionId } = await newSession(t.seed);
    const cancel = await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId });
    refused(cancel, 'Cannot cancel workflow', 'idle', 'No workflow is running');
    assert.equal(cancel.details.code, 'illegal_state');
    const resume = await t.seed.callError('bilt_resume_workflow', { session_id: sessionId });
    refused(resume, 'Cannot resume workflow', 'idle', 'No workflow to resume; send a message to start one');
    assert.equal(resume.details.code, 'illegal_state');
  });

  it('cancel and resume of a completed workflow are refused; a new message starts a new workflow', async () => {
    const { sessionId } = await newSession(t.seed);
    const first = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Build',
      wait_for_response: true,
    });
    assert.equal(first.status, 'completed');
    refused(
      await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId, reason: 'too late' }),
      'Cannot cancel workflow',
      'completed',
      'Workflow has already completed',
    );
    refused(
      await t.seed.callError('bilt_resume_workflow', { session_id: sessionId }),
      'Cannot resume workflow',
      'completed',
      'Workflow has already completed; send a new message to start a new workflow',
    );
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.deepEqual([s.status, s.workflows![0]!.status], ['completed', 'completed'], 'the refusals changed nothing');
    const second = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Build again',
      wait_for_response: true,
    });
    assert.deepEqual([second.status, second.workflow_id !== first.workflow_id], ['completed', true]);
    assert.equal((await t.seed.call('bilt_get_session', { session_id: sessionId })).workflows!.length, 2);
  });

  it('unknown session ids are "Session not found" for every session tool', async () => {
    const id = randomUUID();
    const calls: Array<[Parameters<typeof t.seed.callError>[0], Record<string, unknown>]> = [
      ['bilt_get_session', { session_id: id }],
      ['bilt_send_message', { session_id: id, message: 'hi' }],
      ['bilt_get_messages', { session_id: id }],
      ['bilt_resume_workflow', { session_id: id }],
      ['bilt_cancel_workflow', { session_id: id }],
    ];
    for (const [tool, args] of calls) {
      const body = await t.seed.callError(tool, args);
      assert.equal(body.error, 'Session not found', tool);
      assert.deepEqual([body.details.code, body.details['session_id']], ['not_found', id], tool);
    }
  });

  it('unknown project ids are "Project not found"; a session of another project is refused by name', async () => {
    const id = randomUUID();
    for (const [tool, args] of [
      ['bilt_get_project', { project_id: id }],
      ['bilt_get_session', { project_id: id }],
    ] as const) {
      const body = await t.seed.callError(tool, args);
      assert.equal(body.error, 'Project not found', tool);
      assert.deepEqual([body.details.code, body.details['project_id']], ['not_found', id], tool);
    }
    const a = await newSession(t.seed);
    const b = await newSession(t.seed);
    const body = await t.seed.callError('bilt_get_session', { session_id: a.sessionId, project_id: b.projectId });
    assert.deepEqual([body.error, body.details.field], ['Invalid request body', 'project_id']);
    assert.match(String(body.details.message), new RegExp(`belongs to project ${a.projectId}`));
  });
});

describe('wire: seed transitions from failed', () => {
  const t = useEngine({ scenario: 'fails.json' });

  it('a failing workflow ends failed; cancel and resume are refused; a new message retries', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Build',
      wait_for_response: true,
    });
    assert.deepEqual([sent.status, sent.timed_out, sent.result_url], ['failed', false, undefined]);
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    const w = s.workflows![0]!;
    assert.deepEqual(
      [s.status, w.status, w.error, w.interrupted],
      ['failed', 'failed', "Build failed: Cannot find module './Header'", false],
    );
    const newest = (await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 1 })).messages[0]!;
    assert.deepEqual(
      [newest.variant, newest.message],
      ['error', "Workflow failed: Build failed: Cannot find module './Header'"],
    );

    refused(
      await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId }),
      'Cannot cancel workflow',
      'failed',
      'Workflow has already failed',
    );
    refused(
      await t.seed.callError('bilt_resume_workflow', { session_id: sessionId }),
      'Cannot resume workflow',
      'failed',
      'Workflow failed; send a new message to retry',
    );
    const retry = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Try again',
      wait_for_response: true,
    });
    assert.equal(retry.status, 'failed');
    assert.notEqual(retry.workflow_id, sent.workflow_id);
  });
});
