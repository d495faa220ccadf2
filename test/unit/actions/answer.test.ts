import assert from 'node:assert/strict';
import { answerQuestions, checkAnswer } from '../../../src/actions/answer';
import type { Question } from '../../../src/core/model';
import { context, P1 } from './fakeStore';
import { confirmation, doneValue, refusal } from './support';

const questions: Question[] = [
  { question: 'Which colour?', options: ['red', 'blue'], multiSelect: false, allowText: false },
  { question: 'Anything else?', options: [], multiSelect: false, allowText: true },
];

describe('actions: answer questions', () => {
  it('gives the questions to ask; confirms a summary; sends the checked answers to the paused workflow', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'paused', pause: { type: 'questions', questions } });
    assert.deepEqual(doneValue(await checkAnswer(ctx, P1)).questions, questions);
    const answers = [
      { questionIndex: 0, selectedOptions: ['blue'] },
      { questionIndex: 1, selectedOptions: [], text: 'dark mode' },
    ];
    const asked = confirmation(await answerQuestions(ctx, P1, answers));
    assert.equal(asked.message, '- Which colour? → blue\n- Anything else? → dark mode');
    const done = doneValue(await answerQuestions(ctx, P1, answers, { confirmed: true }));
    assert.deepEqual([done.workflowId, done.status], ['w1', 'running']);
    assert.deepEqual(store.calls, [
      { op: 'answer', args: [{ sessionId: 's1', projectId: 'p1' }, 'w1', answers, { signal: undefined }] },
    ]);
  });

  it("checks answers against the questions with the engine's rules, naming the answer", async () => {
    const { ctx, store } = context();
    store.latest({ status: 'paused', pause: { type: 'questions', questions } });
    const wrong = await answerQuestions(ctx, P1, [{ questionIndex: 0, selectedOptions: ['green'] }], {
      confirmed: true,
    });
    const d = refusal(wrong, 'invalid_input', 'Invalid request body');
    assert.deepEqual(d, {
      field: 'answers.0.selectedOptions',
      message: '"green" is not an option of question 0 (options: red, blue)',
    });
    const missing = await answerQuestions(ctx, P1, [{ questionIndex: 0, selectedOptions: ['red'] }], {
      confirmed: true,
    });
    assert.equal(
      refusal(missing, 'invalid_input', 'Invalid request body')['message'],
      'every question needs an answer; missing: 1',
    );
    assert.deepEqual(store.ops(), []);
  });

  it('refuses when nothing waits for answers', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'running' });
    refusal(await checkAnswer(ctx, P1), 'illegal_state', 'Cannot resume workflow', /running, not paused/);
    store.latest({ status: 'paused', pause: { type: 'secrets' } });
    const d = refusal(await checkAnswer(ctx, P1), 'invalid_input', 'Invalid request body');
    assert.equal(d['field'], 'answers');
    store.latest(undefined);
    refusal(await checkAnswer(ctx, P1), 'illegal_state', 'Cannot resume workflow', /No workflow to resume/);
  });
});
