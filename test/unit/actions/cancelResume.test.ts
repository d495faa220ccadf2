import assert from 'node:assert/strict';
import { answerQuestions } from '../../../src/actions/answer';
import { cancelWorkflow } from '../../../src/actions/cancel';
import { createProject } from '../../../src/actions/createProject';
import { linkWorkspace } from '../../../src/actions/link';
import { readMessages } from '../../../src/actions/reads';
import { sendMessage } from '../../../src/actions/send';
import { needsAnswers, resumeWorkflow } from '../../../src/actions/resume';
import { BiltError } from '../../../src/core/errors';
import { context, P1 } from './fakeStore';
import { confirmation, doneValue, refusal } from './support';

describe('actions: cancel', () => {
  it('asks to confirm (destructive, naming the progress), then cancels with the reason', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'running', progress: { percentage: 40, currentStep: 'Building' } });
    const asked = confirmation(await cancelWorkflow(ctx, P1, { reason: 'changed my mind' }));
    assert.equal(asked.destructive, true);
    assert.match(asked.message, /^Cancel the running workflow of shop \(40% Building\)\? .*cannot be resumed/);
    assert.match(asked.message, /Reason: changed my mind$/);
    const done = doneValue(await cancelWorkflow(ctx, P1, { reason: 'changed my mind', confirmed: true }));
    assert.deepEqual(done, {
      target: P1,
      projectName: 'shop',
      workflowId: 'w1',
      cancelledAt: '2026-05-01T12:00:00.000Z',
    });
    assert.deepEqual(
      store.calls.map((c) => [c.op, c.args[1]]),
      [['cancel', 'changed my mind']],
    );
    assert.equal(store.afterActions.length, 1);
  });

  it('refuses ended and missing workflows as the engine does; a reason over 500 characters names the limit', async () => {
    const { ctx, store } = context();
    for (const [status, why] of [
      ['completed', 'Workflow has already completed'],
      ['failed', 'Workflow has already failed'],
      ['cancelled', 'Workflow has already been cancelled'],
    ] as const) {
      store.latest({ status });
      const d = refusal(await cancelWorkflow(ctx, P1, { confirmed: true }), 'illegal_state', 'Cannot cancel workflow');
      assert.deepEqual(d, { current_status: status, message: why });
    }
    store.latest(undefined);
    const idle = refusal(await cancelWorkflow(ctx, P1), 'illegal_state', 'Cannot cancel workflow');
    assert.deepEqual(idle, { current_status: 'idle', message: 'No workflow is running' });
    store.latest({ status: 'running' });
    const long = refusal(
      await cancelWorkflow(ctx, P1, { reason: 'r'.repeat(501) }),
      'invalid_input',
      'Invalid request body',
    );
    assert.deepEqual(long, { field: 'reason', message: 'reason must be at most 500 characters (got 501)', limit: 500 });
    assert.deepEqual(store.ops(), []);
  });

  it('aborted before the server is asked', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'running' });
    assert.equal((await cancelWorkflow(ctx, P1, { confirmed: true, signal: AbortSignal.abort() })).kind, 'aborted');
    assert.deepEqual(store.ops(), []);
  });
});

describe('actions: resume', () => {
  it('continues a paused workflow after a confirmation; runs an interrupted one again', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'paused', pause: { type: 'secrets' } });
    assert.equal(confirmation(await resumeWorkflow(ctx, P1)).title, 'Resume the workflow of shop?');
    assert.deepEqual(doneValue(await resumeWorkflow(ctx, P1, { confirmed: true })), {
      target: P1,
      projectName: 'shop',
      sessionId: 's1',
      workflowId: 'w1',
      status: 'running',
    });
    store.latest({ status: 'failed', interrupted: true });
    assert.equal(confirmation(await resumeWorkflow(ctx, P1)).title, 'Run again the workflow of shop?');
    assert.deepEqual(store.ops(), ['resume']);
  });

  it('a workflow waiting for answers is refused as needing them (field answers)', async () => {
    const { ctx, store } = context();
    const questions = [{ question: 'Colour?', options: ['red'], multiSelect: false, allowText: false }];
    store.latest({ status: 'paused', pause: { type: 'questions', questions } });
    const o = await resumeWorkflow(ctx, P1, { confirmed: true });
    const d = refusal(o, 'invalid_input', 'Invalid request body');
    assert.equal(d['message'], 'answers is required: the workflow is waiting for answers to 1 question');
    assert.equal(needsAnswers(o), true);
  });

  it('refuses what cannot be resumed; a server without resume refuses with its own words', async () => {
    const { ctx, store } = context();
    for (const [status, why] of [
      ['cancelled', /cannot be resumed/],
      ['completed', /already completed/],
      ['failed', /send a new message to retry/],
      ['running', /running, not paused/],
    ] as const) {
      store.latest({ status });
      refusal(await resumeWorkflow(ctx, P1), 'illegal_state', 'Cannot resume workflow', why);
    }
    store.latest({ status: 'paused', pause: { type: 'supabase' } });
    store.refuseNext = new BiltError('unsupported', 'Cannot resume workflow', { message: 'It resumes by itself' });
    refusal(await resumeWorkflow(ctx, P1, { confirmed: true }), 'unsupported', 'Cannot resume workflow');
    assert.deepEqual(store.afterActions, []);
  });
});

describe('actions: every one stops when its caller aborts', () => {
  it('returns aborted and asks the server nothing', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'paused', pause: { type: 'secrets' } });
    const signal = AbortSignal.abort();
    const outcomes = await Promise.all([
      sendMessage(ctx, P1, 'hi', { confirmed: true, signal }),
      cancelWorkflow(ctx, P1, { confirmed: true, signal }),
      resumeWorkflow(ctx, P1, { confirmed: true, signal }),
      answerQuestions(ctx, P1, [], { confirmed: true, signal }),
      createProject(ctx, 'local', { name: 'x' }, { confirmed: true, signal }),
      linkWorkspace(ctx, P1, { signal }),
      readMessages(ctx, P1, 5, { signal }),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.kind),
      Array(7).fill('aborted'),
    );
    assert.deepEqual(store.ops(), []);
    assert.equal(ctx.links.get(), undefined);
  });
});
