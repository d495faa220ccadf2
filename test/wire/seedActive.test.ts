/** Illegal transitions from running, paused and cancelled, and wrong answers to a questions pause (seed contract). */
import assert from 'node:assert/strict';
import { invalid, refused } from './support/assertions';
import { newSession, useEngine } from './support/fixture';

const IN_PROGRESS = 'A workflow is already in progress';

describe('wire: seed transitions from running and cancelled', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1 });

  it('send and resume are refused while running; after cancel, cancel and resume are refused too', async () => {
    const { sessionId } = await newSession(t.seed);
    const sent = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Build slowly' });
    assert.equal(sent.status, 'running');

    const busy = await t.seed.callError('bilt_send_message', { session_id: sessionId, message: 'And another thing' });
    refused(busy, IN_PROGRESS, 'running', /^Wait until the current workflow finishes/);
    assert.deepEqual([busy.details.code, busy.details['workflow_id']], ['conflict', sent.workflow_id]);
    refused(
      await t.seed.callError('bilt_resume_workflow', { session_id: sessionId }),
      'Cannot resume workflow',
      'running',
      'Workflow is running, not paused',
    );
    const withAnswers = await t.seed.callError('bilt_resume_workflow', {
      session_id: sessionId,
      answers: [{ question_index: 0, text: 'x' }],
    });
    refused(withAnswers, 'Cannot resume workflow', 'running', 'Workflow is running, not paused');

    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
    refused(
      await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId }),
      'Cannot cancel workflow',
      'cancelled',
      'Workflow has already been cancelled',
    );
    refused(
      await t.seed.callError('bilt_resume_workflow', { session_id: sessionId }),
      'Cannot resume workflow',
      'cancelled',
      'A cancelled workflow cannot be resumed; send a new message to start a new workflow',
    );
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.deepEqual([s.status, s.workflows!.length], ['cancelled', 1]);
    const next = await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Start over' });
    assert.deepEqual([next.status, next.workflow_id !== sent.workflow_id], ['running', true]);
    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
  });
});

describe('wire: seed transitions from a questions pause', () => {
  const t = useEngine({ scenario: 'questions.json' });
  let sessionId: string;
  let workflowId: string;
  before(async () => {
    ({ sessionId } = await newSession(t.seed));
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Ask first',
      wait_for_response: true,
    });
    assert.equal(sent.status, 'paused');
    workflowId = sent.workflow_id!;
  });
  const resume = (answers?: unknown) =>
    t.seed.callError('bilt_resume_workflow', { session_id: sessionId, ...(answers === undefined ? {} : { answers }) });

  it('send while paused is refused with current_status paused', async () => {
    const body = await t.seed.callError('bilt_send_message', { session_id: sessionId, message: 'Something else' });
    refused(
      body,
      IN_PROGRESS,
      'paused',
      /^The current workflow is waiting for answers: answer its questions, or cancel it/,
    );
    assert.equal(body.details['workflow_id'], workflowId);
  });

  it('resume without answers, or with empty answers, names the answers field', async () => {
    const msg = 'answers is required: the workflow is waiting for answers to 2 questions';
    invalid(await resume(), 'answers', msg);
    invalid(await resume([]), 'answers', msg);
  });

  it('wrong answers name the offending answer and rule', async () => {
    invalid(
      await resume([{ question_index: 5, selected_options: ['Blue'] }]),
      'answers.0.question_index',
      'question_index 5 is out of range: there are 2 questions (0-based)',
    );
    invalid(
      await resume([{ question_index: 0, selected_options: ['Red'] }]),
      'answers.0.selected_options',
      '"Red" is not an option of question 0 (options: Blue, Green)',
    );
    invalid(
      await resume([{ question_index: 0, selected_options: ['Blue', 'Green'] }]),
      'answers.0.selected_options',
      'question 0 takes one option, got 2',
    );
    invalid(
      await resume([{ question_index: 0, text: 'Purple' }]),
      'answers.0.text',
      'question 0 takes one of its options, not free text',
    );
    invalid(
      await resume([{ question_index: 1 }, { question_index: 0, selected_options: ['Blue'] }]),
      'answers.0',
      'question 1 needs a text answer',
    );
    invalid(
      await resume([
        { question_index: 0, selected_options: ['Blue'] },
        { question_index: 0, selected_options: ['Green'] },
      ]),
      'answers.1.question_index',
      'question 0 is answered twice',
    );
    invalid(
      await resume([{ question_index: 0, selected_options: ['Blue'] }]),
      'answers',
      'every question needs an answer; missing: 1',
    );
    const s = await t.seed.call('bilt_get_session', { session_id: sessionId });
    assert.deepEqual([s.status, s.workflow_id], ['paused', workflowId], 'wrong answers leave the workflow paused');
  });

  it('wrong answers name the seed (snake_case) fields question_index and selected_options', async () => {
    const out = await resume([{ question_index: 5, selected_options: ['Blue'] }]);
    assert.equal(out.details.field, 'answers.0.question_index');
    assert.match(String(out.details.message), /question_index 5 is out of range/);
    const option = await resume([{ question_index: 0, selected_options: ['Red'] }]);
    assert.equal(option.details.field, 'answers.0.selected_options');
  });

  it('cancel of the paused workflow is allowed; afterwards resume and cancel are refused', async () => {
    const c = await t.seed.call('bilt_cancel_workflow', { session_id: sessionId, reason: 'No time for questions' });
    assert.deepEqual([c.workflow_id, c.status], [workflowId, 'cancelled']);
    refused(
      await resume([
        { question_index: 0, selected_options: ['Blue'] },
        { question_index: 1, text: 'x' },
      ]),
      'Cannot resume workflow',
      'cancelled',
      /^A cancelled workflow cannot be resumed/,
    );
    refused(
      await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId }),
      'Cannot cancel workflow',
      'cancelled',
      'Workflow has already been cancelled',
    );
  });
});
