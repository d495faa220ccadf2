/** Seed contract flows over the wire: a questions pause answered through resume, wait timeout, cancel with a reason. */
import assert from 'node:assert/strict';
import { newSession, sessionReaches, useEngine, UUID_RE } from './support/fixture';

const QUESTIONS = [
  { question: 'Which colour scheme?', options: ['Blue', 'Green'], multi_select: false, allow_text: false },
  { question: 'Anything else?', options: [], multi_select: false, allow_text: true },
];

describe('wire: seed flows with a questions pause', () => {
  const t = useEngine({ scenario: 'questions.json' });

  it('wait_for_response returns the questions pause; resume with answers runs the workflow to completion', async () => {
    const { sessionId } = await newSession(t.seed, 'asker');
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Build a shop',
      wait_for_response: true,
    });
    assert.deepEqual([sent.status, sent.timed_out, sent.result_url], ['paused', false, undefined]);
    assert.deepEqual(sent.pause, { type: 'questions', questions: QUESTIONS, message: 'Two decisions before building' });
    const paused = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.equal(paused.status, 'paused');
    assert.deepEqual(paused.pause, sent.pause);
    assert.deepEqual(paused.workflows![0]!.pause, sent.pause);

    const resumed = await t.seed.call('bilt_resume_workflow', {
      session_id: sessionId,
      answers: [
        { question_index: 0, selected_options: ['Green'] },
        { question_index: 1, text: 'Dark mode please' },
      ],
    });
    assert.deepEqual(
      [resumed.session_id, resumed.workflow_id, resumed.status, resumed.message],
      [sessionId, sent.workflow_id, 'running', 'Workflow resumed'],
    );
    assert.ok(!Number.isNaN(Date.parse(resumed.resumed_at)));

    const done = await sessionReaches(t.seed, sessionId, ['completed']);
    assert.equal(done.pause, undefined);
    assert.equal(done.workflows![0]!.result_url, 'https://asker.questions.test');
    const { messages } = await t.seed.call('bilt_get_messages', { session_id: sessionId });
    const answer = messages.find((m) => m.side === 'user' && m.message.includes('→'));
    assert.equal(answer?.message, 'Which colour scheme? → Green\nAnything else? → Dark mode please');
    assert.ok(messages.some((m) => m.side === 'ai' && m.message === 'Using: Green; Dark mode please'));
  });

  it('a paused workflow can be cancelled, and the session takes a new message afterwards', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Ask me',
      wait_for_response: true,
    });
    assert.equal(sent.status, 'paused');
    const cancelled = await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
    assert.deepEqual(
      [cancelled.status, cancelled.workflow_id, cancelled.message],
      ['cancelled', sent.workflow_id, 'Workflow cancelled'],
    );
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.deepEqual([s.status, s.pause], ['cancelled', undefined]);
    const again = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Once more' });
    assert.notEqual(again.workflow_id, sent.workflow_id);
  });
});

describe('wire: seed flows with a long-running workflow (--wait-timeout 0.5)', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1, flags: ['--wait-timeout', '0.5'] });

  it('wait_for_response gives up after the wait timeout and returns the running state with timed_out', async () => {
    const { sessionId } = await newSession(t.seed);
    const started = Date.now();
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Take your time',
      wait_for_response: true,
    });
    assert.ok(Date.now() - started >= 450, 'it waited about the configured timeout');
    assert.deepEqual(
      [sent.workflow_started, sent.status, sent.timed_out, sent.result_url],
      [true, 'running', true, undefined],
    );
    assert.match(sent.workflow_id!, UUID_RE);
    assert.deepEqual(sent.progress, { percentage: 0, current_step: 'Planning' });
    assert.equal(
      (await t.seed.call('bilt_get_session', { session_id: sessionId })).status,
      'running',
      'the workflow goes on',
    );
    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
  });

  it('cancel with a reason stops the running workflow and keeps the reason in the log', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Never mind' });
    assert.equal(sent.status, 'running');
    const reason = 'The user changed their mind';
    const c = await t.seed.call('bilt_cancel_workflow', { session_id: sessionId, reason });
    assert.deepEqual(
      [c.session_id, c.status, c.workflow_id, c.message],
      [sessionId, 'cancelled', sent.workflow_id, `Workflow cancelled: ${reason}`],
    );
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.equal(s.status, 'cancelled');
    assert.equal(s.workflows![0]!.ended_at, c.cancelled_at);
    const { messages } = await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 1 });
    assert.deepEqual([messages[0]!.side, messages[0]!.message], ['ai', `Workflow cancelled: ${reason}`]);
  });
});
