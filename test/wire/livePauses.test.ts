/** The live contract's pauses (questions answered through send, secrets resumed by the engine) and its queue. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { until } from '../support/until';
import { invalid, refused } from './support/assertions';
import { uniqueName, useEngine } from './support/fixture';

describe('wire: live questions pause answered through bilt_send_message', () => {
  const t = useEngine({ scenario: 'questions.json' });
  let projectId: string;
  let workflowId: string;
  const answer = (answers: string, extra: Record<string, unknown> = { workflowId }) =>
    t.live.callError('bilt_send_message', { projectId, answers, ...extra });

  before(async () => {
    projectId = (await t.live.call('bilt_create_project', { name: 'livequiz' })).id;
  });

  it('send returns status paused with pauseType questions and the questions; the session counts it as active', async () => {
    const sent = await t.live.call('bilt_send_message', { projectId, message: 'Build a quiz' });
    workflowId = sent.workflowId;
    assert.deepEqual([sent.status, sent.pauseType, sent.resultUrl], ['paused', 'questions', undefined]);
    assert.deepEqual(sent.questions, [
      { question: 'Which colour scheme?', options: ['Blue', 'Green'], multiSelect: false, allowText: false },
      { question: 'Anything else?', options: [], multiSelect: false, allowText: true },
    ]);
    const s = await t.live.call('bilt_get_session', { projectId });
    assert.deepEqual(
      [s.status, s.hasActiveWorkflows, s.workflows[0]!.pauseType, s.workflows[0]!.questions],
      ['paused', true, 'questions', sent.questions],
    );
    refused(
      await t.live.callError('bilt_send_message', { projectId, message: 'Something else' }),
      'A workflow is already in progress',
      'paused',
      /waiting for answers: answer its questions/,
    );
  });

  it('bad answers JSON, wrong workflowId, out-of-range questionIndex and a message beside answers name the field', async () => {
    invalid(
      await answer('not json'),
      'answers',
      'answers must be a JSON-encoded array such as [{"questionIndex":0,"selectedOptions":["Option A"]}]',
    );
    invalid(
      await answer('{"questionIndex":0}'),
      'answers',
      'answers must be a JSON-encoded array of {questionIndex, selectedOptions?, text?}',
    );
    invalid(await answer('[]'), 'answers', 'answers must hold at least one answer');
    const snake = await answer('[{"question_index":0}]');
    invalid(snake, 'answers.0.question_index', 'unknown field: question_index');
    assert.deepEqual(snake.details['issues'], [
      { field: 'answers.0.question_index', message: 'unknown field: question_index' },
      { field: 'answers.0.questionIndex', message: 'questionIndex is required' },
    ]);
    const other = randomUUID();
    invalid(
      await answer('[{"questionIndex":0,"selectedOptions":["Blue"]}]', { workflowId: other }),
      'workflowId',
      `workflow ${other} is not the paused workflow of this project (that is ${workflowId})`,
    );
    invalid(
      await answer('[{"questionIndex":7,"selectedOptions":["Blue"]}]'),
      'answers.0.questionIndex',
      'questionIndex 7 is out of range: there are 2 questions (0-based)',
    );
    invalid(
      await answer('[{"questionIndex":0,"selectedOptions":["Red"]}]'),
      'answers.0.selectedOptions',
      '"Red" is not an option of question 0 (options: Blue, Green)',
    );
    invalid(
      await answer('[{"questionIndex":0,"selectedOptions":["Blue"]}]'),
      'answers',
      'every question needs an answer; missing: 1',
    );
    invalid(
      await answer('[{"questionIndex":0,"selectedOptions":["Blue"]}]', { workflowId, message: 'hi' }),
      'message',
      /send answers without a message/,
    );
    assert.equal((await t.live.call('bilt_get_session', { projectId })).status, 'paused', 'still waiting');
  });

  it('answers with the workflowId continue the workflow to completion; answers when nothing is paused are refused', async () => {
    const done = await t.live.call('bilt_send_message', {
      projectId,
      workflowId,
      answers: JSON.stringify([
        { questionIndex: 0, selectedOptions: ['Blue'] },
        { questionIndex: 1, text: 'Large buttons' },
      ]),
    });
    assert.deepEqual(
      [done.workflowId, done.status, done.resultUrl, done.pauseType, done.questions],
      [workflowId, 'completed', `https://livequiz.questions.test`, undefined, undefined],
    );
    const { messages } = await t.live.call('bilt_get_messages', { projectId });
    assert.ok(
      messages.some(
        (m) => m.side === 'user' && m.content === 'Which colour scheme? → Blue\nAnything else? → Large buttons',
      ),
    );
    const s = await t.live.call('bilt_get_session', { projectId });
    assert.deepEqual([s.status, s.hasActiveWorkflows], ['completed', false]);
    invalid(
      await answer('[{"questionIndex":0,"selectedOptions":["Blue"]}]', {}),
      'answers',
      'no workflow of this project is waiting for answers (current status: completed)',
    );
    const fresh = (await t.live.call('bilt_create_project', { name: uniqueName() })).id;
    const idle = await t.live.callError('bilt_send_message', {
      projectId: fresh,
      answers: '[{"questionIndex":0,"text":"x"}]',
    });
    invalid(idle, 'answers', 'no workflow of this project is waiting for answers (current status: idle)');
  });
});

describe('wire: live secrets pause resumed by the engine (autoResumeMs)', () => {
  const t = useEngine({ scenario: 'secrets.json', speed: 1 });

  it('send returns pauseType secrets with the projectUrl; the engine resumes it and it completes', async () => {
    const p = await t.live.call('bilt_create_project', { name: 'keys' });
    const sent = await t.live.call('bilt_send_message', { projectId: p.id, message: 'Take payments' });
    assert.deepEqual(
      [sent.status, sent.pauseType, sent.questions, sent.projectUrl],
      ['paused', 'secrets', undefined, p.projectUrl],
    );
    const paused = await t.live.call('bilt_get_session', { projectId: p.id });
    assert.deepEqual(
      [paused.status, paused.hasActiveWorkflows, paused.workflows[0]!.pauseType],
      ['paused', true, 'secrets'],
    );
    const seed = await t.seed.call('bilt_get_session', { project_id: p.id });
    assert.deepEqual(seed.pause, { type: 'secrets', message: 'Add STRIPE_SECRET_KEY', project_url: p.projectUrl });
    invalid(
      await t.live.callError('bilt_send_message', {
        projectId: p.id,
        answers: '[{"questionIndex":0,"text":"sk_live"}]',
      }),
      'answers',
      /current status: paused/,
    );

    const done = await until(
      async () => {
        const s = await t.live.call('bilt_get_session', { projectId: p.id });
        return s.status === 'completed' && s;
      },
      'the secrets pause to resume by itself and complete',
      10_000,
    );
    assert.deepEqual([done.hasActiveWorkflows, done.workflows[0]!.resultUrl], [false, 'https://keys.secrets.test']);
    const { messages } = await t.live.call('bilt_get_messages', { projectId: p.id });
    assert.ok(messages.some((m) => m.content === 'Secrets are in place; continuing'));
  });
});

describe('wire: live queueing and cancel (--max-concurrent 1 --wait-timeout 0.5)', () => {
  const t = useEngine({ scenario: 'slow.json', speed: 1, flags: ['--max-concurrent', '1', '--wait-timeout', '0.5'] });
  const session = (projectId: string) => t.live.call('bilt_get_session', { projectId });

  it('a blocking send that outlasts the wait returns status timeout; a second project queues; cancel frees the slot', async () => {
    const a = (await t.live.call('bilt_create_project', { name: uniqueName('a') })).id;
    const b = (await t.live.call('bilt_create_project', { name: uniqueName('b') })).id;
    const first = await t.live.call('bilt_send_message', { projectId: a, message: 'Long build' });
    assert.equal(first.status, 'timeout');
    const sa = await session(a);
    assert.deepEqual(
      [sa.status, sa.hasActiveWorkflows, sa.workflows[0]!.workflowId],
      ['running', true, first.workflowId],
    );

    const queued = await t.live.call('bilt_send_message', { projectId: b, message: 'Wait your turn' });
    assert.equal(queued.status, 'queued');
    const sb = await session(b);
    assert.deepEqual([sb.status, sb.hasActiveWorkflows, sb.workflows[0]!.status], ['queued', true, 'queued']);
    assert.equal(
      (await t.seed.call('bilt_get_session', { project_id: b })).status,
      'pending',
      'the seed contract calls it pending',
    );

    const c = await t.live.call('bilt_cancel_workflow', { projectId: a, reason: 'Make room' });
    assert.deepEqual(
      [c.projectId, c.workflowId, c.status, c.message],
      [a, first.workflowId, 'cancelled', 'Workflow cancelled: Make room'],
    );
    assert.ok(!Number.isNaN(Date.parse(c.cancelledAt)));
    const after = await session(a);
    assert.deepEqual([after.status, after.hasActiveWorkflows], ['cancelled', false]);
    await until(
      async () => (await session(b)).status === 'running',
      'the queued workflow to start once the slot is free',
    );

    await t.live.call('bilt_cancel_workflow', { projectId: b });
    assert.equal((await session(b)).hasActiveWorkflows, false);
    refused(
      await t.live.callError('bilt_cancel_workflow', { projectId: b }),
      'Cannot cancel workflow',
      'cancelled',
      'Workflow has already been cancelled',
    );
  });

  it('a queued workflow can be cancelled before it starts', async () => {
    const a = (await t.live.call('bilt_create_project', { name: uniqueName('a') })).id;
    const b = (await t.live.call('bilt_create_project', { name: uniqueName('b') })).id;
    await t.seed.call('bilt_send_message', { session_id: (await session(a)).sessionId, message: 'Hold the slot' });
    assert.equal((await t.live.call('bilt_send_message', { projectId: b, message: 'Queued' })).status, 'queued');
    const busy = await t.live.callError('bilt_send_message', { projectId: b, message: 'Again' });
    assert.deepEqual([busy.error, busy.details.code], ['A workflow is already in progress', 'conflict']);
    await t.live.call('bilt_cancel_workflow', { projectId: b });
    assert.deepEqual([(await session(b)).status, (await session(b)).hasActiveWorkflows], ['cancelled', false]);
    await t.live.call('bilt_cancel_workflow', { projectId: a });
  });

  it('a send while the workflow is queued reports current_status "queued" in live words', async () => {
    const a = (await t.live.call('bilt_create_project', { name: uniqueName('a') })).id;
    const b = (await t.live.call('bilt_create_project', { name: uniqueName('b') })).id;
    await t.seed.call('bilt_send_message', { session_id: (await session(a)).sessionId, message: 'Hold the slot' });
    await t.live.call('bilt_send_message', { projectId: b, message: 'Queued' });
    try {
      refused(
        await t.live.callError('bilt_send_message', { projectId: b, message: 'Again' }),
        'A workflow is already in progress',
        'queued',
        /Wait until/,
      );
    } finally {
      await t.live.call('bilt_cancel_workflow', { projectId: b });
      await t.live.call('bilt_cancel_workflow', { projectId: a });
    }
  });
});
