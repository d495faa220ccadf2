/**
 * Pausing a workflow in the moment its run is being started (the state already says running, the agent
 * has no run yet) is a state refusal (409 illegal_state: try again), not "the agent cannot be paused"
 * (501 unsupported), which the fuzzer met as a 5xx.
 */
import assert from 'node:assert/strict';
import { openFixture, refusal, type Fixture } from './fixture';

describe('engine service: pausing while the run starts', () => {
  let f: Fixture;
  afterEach(() => f?.close());

  it('is refused as illegal_state naming the state, then works once the run has started', async () => {
    f = await openFixture();
    const svc = f.engine.service;
    const p = await svc.createProject({ name: 'race' });
    const s = await svc.findSession({ projectId: p.id });
    const sending = svc.sendMessage(s.id, 'go');
    for (let i = 0; i < 100_000 && svc.latestWorkflow(s.id)?.status !== 'running'; i++) {
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(f.agent.runs.length, 0, 'the agent has not been started yet');
    const e = await refusal(svc.suspend(s.id));
    assert.deepEqual([e.code, e.details['current_status']], ['illegal_state', 'running']);
    await sending;
    await f.agent.run(0);
    assert.equal((await svc.suspend(s.id)).status, 'paused');
  });
});
