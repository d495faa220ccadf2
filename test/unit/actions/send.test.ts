import assert from 'node:assert/strict';
import { checkSend, sendMessage } from '../../../src/actions/send';
import { BiltError } from '../../../src/core/errors';
import { context, P1 } from './fakeStore';
import { confirmation, doneValue, refusal } from './support';

describe('actions: send a message', () => {
  it('asks to confirm, quoting the message; confirmed, sends once and tells the store', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'completed' });
    const asked = confirmation(await sendMessage(ctx, P1, 'Add a login screen'));
    assert.equal(asked.title, 'Send to the Bilt project shop?');
    assert.equal(asked.quote, 'Add a login screen');
    assert.equal(asked.destructive, false);
    assert.deepEqual(store.ops(), [], 'nothing is sent before the confirmation');
    const sent = doneValue(await sendMessage(ctx, P1, 'Add a login screen', { confirmed: true }));
    assert.deepEqual(sent, {
      target: P1,
      projectName: 'shop',
      sessionId: 's1',
      workflowId: 'w-new',
      status: 'pending',
    });
    assert.deepEqual(store.ops(), ['sendMessage']);
    assert.deepEqual(store.afterActions, [{ serverId: 'local', ref: { sessionId: 's1', projectId: 'p1' } }]);
  });

  it("refuses while a workflow is pending, running or paused, in the engine's words", async () => {
    const { ctx, store } = context();
    for (const status of ['pending', 'running'] as const) {
      store.latest({ status });
      const details = refusal(
        await sendMessage(ctx, P1, 'More', { confirmed: true }),
        'conflict',
        'A workflow is already in progress',
        /^Wait until the current workflow finishes or cancel it/,
      );
      assert.deepEqual([details['current_status'], details['workflow_id']], [status, 'w1']);
    }
    store.latest({ status: 'paused', pause: { type: 'questions', questions: [] } });
    refusal(await checkSend(ctx, P1), 'conflict', 'A workflow is already in progress', /waiting for answers/);
    store.latest({ status: 'paused', pause: { type: 'secrets' } });
    refusal(await checkSend(ctx, P1), 'conflict', 'A workflow is already in progress', /paused: resume it/);
    assert.deepEqual(store.ops(), [], 'a refused send never reaches the server');
  });

  it('checks the 1–5000 character limit first, naming the field and the limit', async () => {
    const { ctx, store } = context();
    store.latest(undefined);
    const long = refusal(await sendMessage(ctx, P1, 'x'.repeat(5001)), 'invalid_input', 'Invalid request body');
    assert.deepEqual(long, {
      field: 'message',
      message: 'message must be at most 5000 characters (got 5001)',
      limit: 5000,
    });
    const empty = refusal(await sendMessage(ctx, P1, ''), 'invalid_input', 'Invalid request body');
    assert.equal(empty['message'], 'message must be at least 1 character (got 0)');
  });

  it("an unknown project, and the server's own refusals (the hourly limit), come back as refusals", async () => {
    const { ctx, store } = context();
    refusal(await checkSend(ctx, { serverId: 'local', projectId: 'nope' }), 'not_found', 'Project not found');
    refusal(await checkSend(ctx, { serverId: 'elsewhere', projectId: 'p1' }), 'not_found', 'Server not found');
    store.latest(undefined);
    store.refuseNext = new BiltError('rate_limited', 'Rate limit exceeded', {
      message: 'At most 100 messages per hour per project; retry in 60 s',
      retry_after: 60,
    });
    const o = await sendMessage(ctx, P1, 'again', { confirmed: true });
    refusal(o, 'rate_limited', 'Rate limit exceeded', /At most 100 messages per hour/);
    assert.match(o.kind === 'refused' ? o.reason : '', /\(retry in 60 s\)$/);
    assert.deepEqual(store.afterActions, [], 'nothing changed');
  });

  it('aborted: before it starts, or while the server is asked', async () => {
    const { ctx, store } = context();
    store.latest(undefined);
    assert.deepEqual(await sendMessage(ctx, P1, 'hi', { confirmed: true, signal: AbortSignal.abort() }), {
      kind: 'aborted',
    });
    assert.deepEqual(store.ops(), []);
    store.holdCalls = true;
    const stop = new AbortController();
    const pending = sendMessage(ctx, P1, 'hi', { confirmed: true, signal: stop.signal });
    await new Promise((r) => setImmediate(r));
    stop.abort();
    store.release();
    assert.deepEqual(await pending, { kind: 'aborted' });
  });
});
