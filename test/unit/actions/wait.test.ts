import assert from 'node:assert/strict';
import { waitForWorkflow } from '../../../src/actions/wait';
import { BiltError } from '../../../src/core/errors';
import type { Workflow } from '../../../src/core/model';
import { view, workflow } from '../present/fixtures';
import { FakeStore } from './fakeStore';

const REF = { sessionId: 's1', projectId: 'p1' };
const at = (o: Partial<Workflow>) => view([workflow({ id: 'w1', ...o })]);

describe('actions: waiting for a workflow to settle', () => {
  it('reports each state of the workflow and ends when it completes, fails, is cancelled or pauses', async () => {
    for (const end of ['completed', 'failed', 'cancelled', 'paused'] as const) {
      const store = new FakeStore();
      store.watchViews = [
        at({ status: 'pending' }),
        at({ status: 'running', progress: { percentage: 50 } }),
        at({ status: end }),
      ];
      const seen: string[] = [];
      const r = await waitForWorkflow(await store.client(), REF, 'w1', { onUpdate: (w) => seen.push(w.status) });
      assert.deepEqual([r.ended, r.workflow?.status], ['settled', end]);
      assert.deepEqual(seen, ['pending', 'running', end]);
    }
  });

  it('ignores other workflows of the session', async () => {
    const store = new FakeStore();
    store.watchViews = [view([workflow({ id: 'w0', status: 'completed' })]), at({ status: 'completed' })];
    const r = await waitForWorkflow(await store.client(), REF, 'w1');
    assert.equal(r.workflow?.id, 'w1');
  });

  it('stops at the time limit (timedOut) or when the caller aborts (aborted), with the last state seen', async () => {
    const store = new FakeStore();
    store.watchViews = [at({ status: 'running' })];
    const timedOut = await waitForWorkflow(await store.client(), REF, 'w1', { timeoutMs: 20 });
    assert.deepEqual([timedOut.ended, timedOut.workflow?.status], ['timedOut', 'running']);
    const stop = new AbortController();
    const waiting = waitForWorkflow(await store.client(), REF, 'w1', { signal: stop.signal });
    setImmediate(() => stop.abort());
    assert.equal((await waiting).ended, 'aborted');
  });

  it('ends as lost at a watch error the caller says is fatal (endOnError), with the last state seen', async () => {
    const store = new FakeStore();
    const client = await store.client();
    const lost = new BiltError('unavailable', 'the event stream closed');
    const watch = client.watch.bind(client);
    client.watch = (ref, o) => ({
      async *[Symbol.asyncIterator]() {
        for await (const e of watch(ref, o)) {
          yield e;
          if (e.type === 'session') {
            yield { type: 'error' as const, error: lost, retryInMs: 1000 };
          }
        }
      },
    });
    store.watchViews = [at({ status: 'running' })];
    const r = await waitForWorkflow(client, REF, 'w1', { endOnError: (e) => e.code === 'unavailable' });
    assert.deepEqual([r.ended, r.error, r.workflow?.status], ['lost', lost, 'running']);
  });
});
