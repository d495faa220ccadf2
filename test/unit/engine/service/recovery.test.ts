import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../../../src/engine/engine';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { openFixture, type Fixture } from './fixture';

describe('engine service: restart, interruption and events', () => {
  let f: Fixture;
  afterEach(() => f?.close());

  it('a workflow running when the engine stops is failed as interrupted, and resume re-runs it', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'app' });
    const s = await f.engine.service.findSession({ projectId: p.id });
    const w = await f.engine.service.sendMessage(s.id, 'build it');
    (await f.agent.run(0)).ctx.say('halfway');
    f = await f.reopen();
    const after = f.engine.service.workflow(w.id)!;
    assert.equal(after.status, 'failed');
    assert.equal(after.interrupted, true);
    assert.match(String(after.error), /^Interrupted: the engine was shut down while the workflow was running/);
    assert.ok(f.engine.service.messages(s.id, 100).messages.some((m) => m.text === 'halfway'));
    const resumed = await f.engine.service.resume(s.id);
    assert.equal(resumed.id, w.id);
    assert.equal(resumed.status, 'running');
    const run = await f.agent.run(0);
    assert.equal(run.ctx.message, 'build it');
    run.complete();
    assert.equal((await f.engine.service.wait(w.id)).workflow.status, 'completed');
  });

  it('publishes one event per committed change, in log order, with increasing ids', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'ev' });
    const s = await f.engine.service.findSession({ projectId: p.id });
    const w = await f.engine.service.sendMessage(s.id, 'go');
    (await f.agent.run(0)).complete();
    await f.engine.service.wait(w.id);
    const types = f.events.map((e) => e.type);
    assert.deepEqual(types.slice(0, 5), ['project', 'session', 'message', 'workflow', 'workflow']);
    assert.deepEqual(types.slice(-2), ['message', 'workflow'], 'the last message arrives before the final status');
    const ids = f.events.map((e) => e.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, ids.length);
    const last = f.events.at(-1)!;
    assert.ok(last.type === 'workflow' && last.workflow.status === 'completed' && last.session.status === 'completed');
  });

  it('replays what a reconnecting subscriber missed, and says reset when too old', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'replay' });
    const mark = f.engine.bus.currentId;
    await f.engine.service.findSession({ projectId: p.id });
    const sub = f.engine.bus.subscribe({ afterId: mark }, () => undefined);
    assert.ok(Array.isArray(sub.replay));
    assert.deepEqual(
      (sub.replay as { type: string }[]).map((e) => e.type),
      ['session'],
    );
    sub.unsubscribe();
    f = await f.reopen();
    const stale = f.engine.bus.subscribe({ afterId: mark }, () => undefined);
    assert.equal(stale.replay, 'reset', 'after a restart the buffer is empty: the client must re-read state');
    stale.unsubscribe();
  });

  it('counts only real event-stream subscribers of a session', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'subs' });
    const s = await f.engine.service.findSession({ projectId: p.id });
    assert.equal(f.engine.service.subscriberCount(s.id), 0);
    const a = f.engine.bus.subscribe({ sessionId: s.id, counted: true }, () => undefined);
    const b = f.engine.bus.subscribe({ counted: true }, () => undefined);
    const other = f.engine.bus.subscribe(
      { sessionId: '00000000-0000-4000-8000-000000000000', counted: true },
      () => undefined,
    );
    assert.equal(f.engine.service.subscriberCount(s.id), 2);
    a.unsubscribe();
    b.unsubscribe();
    other.unsubscribe();
    assert.equal(f.engine.service.subscriberCount(s.id), 0);
  });

  it('compacts the log and recovers the same state from the snapshot', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'big' });
    const s = await f.engine.service.findSession({ projectId: p.id });
    await f.engine.service.sendMessage(s.id, 'go');
    await f.agent.run(0);
    await f.close();
    const engine = await Engine.open({ dataDir: f.dataDir, agent: new ScriptedAgent(), compactAfterBytes: 1 });
    const s2 = await engine.service.findSession({ projectId: p.id });
    await engine.service.resume(s2.id);
    await engine.close();
    const files = readdirSync(path.join(f.dataDir, 'state'));
    assert.ok(files.includes('snapshot.json'), files.join(','));
    f = await openFixture({ dataDir: f.dataDir });
    const w = f.engine.service.latestWorkflow(s.id)!;
    assert.equal(w.status, 'failed');
    assert.equal(w.interrupted, true);
    assert.equal(f.engine.service.messages(s.id, 100).total, f.engine.service.session(s.id).messageCount);
    assert.ok(f.engine.service.messages(s.id, 100).total >= 4);
  });
});
