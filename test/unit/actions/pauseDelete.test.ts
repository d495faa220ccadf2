import assert from 'node:assert/strict';
import { deleteSession } from '../../../src/actions/deleteSession';
import { pauseWorkflow } from '../../../src/actions/pause';
import { context, P1 } from './fakeStore';
import { confirmation, doneValue, refusal } from './support';

describe('actions: pause and delete (servers that can: a Session API gateway)', () => {
  it('pauses running work after a confirmation; refuses what is not running', async () => {
    const { ctx, store } = context();
    store.gateway = true;
    store.latest({ status: 'running' });
    assert.equal(confirmation(await pauseWorkflow(ctx, P1)).destructive, false);
    assert.deepEqual(doneValue(await pauseWorkflow(ctx, P1, { confirmed: true })), {
      target: P1,
      projectName: 'shop',
      workflowId: 'w1',
      status: 'paused',
    });
    store.latest({ status: 'paused', pause: null });
    const d = refusal(await pauseWorkflow(ctx, P1, { confirmed: true }), 'illegal_state', 'Cannot pause workflow');
    assert.equal(d['message'], 'Only a running workflow can be paused');
    assert.deepEqual(store.ops(), ['pause']);
  });

  it('a server without pause or delete refuses, saying so', async () => {
    const { ctx, store } = context();
    store.latest({ status: 'running' });
    refusal(await pauseWorkflow(ctx, P1, { confirmed: true }), 'unsupported', 'Cannot pause workflow', /cannot pause/);
    refusal(
      await deleteSession(ctx, P1, { confirmed: true }),
      'unsupported',
      'Cannot delete session',
      /does not delete/,
    );
    assert.deepEqual(store.ops(), []);
  });

  it('delete confirms as destructive, saying running work stops first, and stops it (force)', async () => {
    const { ctx, store } = context();
    store.gateway = true;
    store.latest({ status: 'running' });
    const asked = confirmation(await deleteSession(ctx, P1));
    assert.equal(asked.destructive, true);
    assert.match(asked.message, /^Its running work is stopped first\. .*cannot be undone/);
    assert.deepEqual(doneValue(await deleteSession(ctx, P1, { confirmed: true })).sessionId, 's1');
    assert.deepEqual(store.calls[0]!.args[1], { signal: undefined, force: true });
    store.latest({ status: 'completed' });
    assert.doesNotMatch(confirmation(await deleteSession(ctx, P1)).message, /stopped first/);
    doneValue(await deleteSession(ctx, P1, { confirmed: true }));
    assert.deepEqual(store.calls[1]!.args[1], { signal: undefined, force: false });
    assert.deepEqual(store.afterActions, [
      { serverId: 'local', ref: undefined },
      { serverId: 'local', ref: undefined },
    ]);
  });
});
