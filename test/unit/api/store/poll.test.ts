/** BiltStore polling a remote server: what the first load reads, the list and session cadences, and what a cycle costs. */
import assert from 'node:assert/strict';
import { setup, T0 } from './support';

const IDLE = 60_000;
const ACTIVE = 5000;

describe('api/store: polling a remote server', () => {
  it('first load: one list request and no session reads; ready, not live, next refresh one idle interval away', async () => {
    const t = setup();
    t.server.add(3);
    await t.start();
    assert.deepEqual(
      t.server.calls.map((c) => c.op),
      ['list'],
    );
    const s = t.snap();
    assert.deepEqual(
      [s.status.state, s.live, s.stale, s.updatedAt, s.nextRefreshAt],
      ['ready', false, false, T0, T0 + IDLE],
    );
    assert.deepEqual(
      s.projects?.map((e) => [e.project.id, e.session]),
      [
        ['p3', undefined],
        ['p2', undefined],
        ['p1', undefined],
      ],
    );
    assert.deepEqual(t.state.changes, ['remote'], 'one change for the whole first load');
  });

  it('the list every idle interval, nothing else while no session was read', async () => {
    const t = setup();
    t.server.add(5);
    await t.start();
    await t.timers.advance(3 * IDLE);
    assert.deepEqual(
      t.server.calls.map((c) => [c.op, c.at - T0]),
      [
        ['list', 0],
        ['list', IDLE],
        ['list', 2 * IDLE],
        ['list', 3 * IDLE],
      ],
    );
  });

  it('a new project in the list shows on the next cycle', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.add(1);
    await t.timers.advance(IDLE - 1);
    assert.equal(t.snap().projects?.length, 1);
    await t.timers.advance(1);
    assert.deepEqual(
      t.snap().projects?.map((e) => e.project.id),
      ['p2', 'p1'],
    );
  });

  it('loadSession reads once, answers from the store within the active interval, and reads again after it', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    assert.equal((await t.store.loadSession('remote', 'p1')).session.status, 'idle');
    assert.equal((await t.store.loadSession('remote', 'p1')).session.status, 'idle');
    assert.equal(t.server.count('session'), 1);
    assert.equal(t.snap().projects?.[0]?.session?.session.status, 'idle');
    assert.equal(t.snap().projects?.[0]?.readAt, T0);
    await t.timers.advance(ACTIVE);
    t.server.set('p1', 'completed');
    assert.equal((await t.store.loadSession('remote', 'p1')).session.status, 'completed');
    assert.equal(t.server.count('session'), 2);
  });

  it('50 loaded idle projects: each cycle costs one list request and at most one session read, round robin', async () => {
    const t = setup();
    const ids = t.server.add(50);
    await t.start();
    for (const id of ids) {
      await t.store.loadSession('remote', id);
    }
    const before = t.server.calls.length;
    const perCycle: Array<{ lists: number; reads: string[] }> = [];
    for (let cycle = 0; cycle < 5; cycle++) {
      const from = t.server.calls.length;
      await t.timers.advance(IDLE);
      const calls = t.server.calls.slice(from);
      perCycle.push({
        lists: calls.filter((c) => c.op === 'list').length,
        reads: calls.flatMap((c) => (c.op === 'session' ? [c.projectId] : [])),
      });
    }
    assert.ok(
      perCycle.every((c) => c.lists === 1 && c.reads.length === 1),
      JSON.stringify(perCycle),
    );
    const read = perCycle.map((c) => c.reads[0]);
    assert.equal(new Set(read).size, 5, `a different project each cycle: ${read.join(',')}`);
    assert.equal(t.server.calls.length - before, 10);
  });

  it('an active session is polled every active interval, backing off while unchanged (to the idle interval), fast again when it changes', async () => {
    const t = setup();
    t.server.add(1);
    t.server.set('p1', 'running', 1, 10);
    await t.start();
    await t.store.loadSession('remote', 'p1');
    assert.equal(t.snap().nextRefreshAt, T0 + ACTIVE);
    await t.timers.advance(35_000); // unchanged: 5, then 10, then 20 s later
    assert.deepEqual(t.server.readsOf('p1'), [0, 5000, 15_000, 35_000]);
    t.server.set('p1', 'running', 2, 50);
    await t.timers.advance(40_000 + 5000); // read at 75 s sees the change; the next comes 5 s later
    assert.deepEqual(t.server.readsOf('p1').slice(4), [75_000, 80_000]);
    assert.equal(t.snap().projects?.[0]?.session?.session.progress?.percentage, 50);
    t.server.set('p1', 'completed', 3);
    await t.timers.advance(10_000);
    const n = t.server.readsOf('p1').length;
    assert.equal(t.snap().projects?.[0]?.session?.session.status, 'completed');
    await t.timers.advance(50_000); // completed: no longer polled (only the lazy idle refresh of a cycle, if due)
    assert.ok(t.server.readsOf('p1').length <= n + 1, String(t.server.readsOf('p1')));
  });

  it('the backoff of an unchanged active session stops at the idle interval', async () => {
    const t = setup();
    t.server.add(1, 'paused');
    await t.start();
    await t.store.loadSession('remote', 'p1');
    await t.timers.advance(400_000);
    const reads = t.server.readsOf('p1');
    const gaps = reads.slice(1).map((r, i) => r - reads[i]!);
    assert.deepEqual(gaps.slice(0, 5), [5000, 10_000, 20_000, 40_000, 60_000]);
    assert.ok(
      gaps.every((g) => g <= IDLE),
      String(gaps),
    );
  });

  it('many active sessions: a tick reads at most maxReadsPerTick, the rest a second later', async () => {
    const t = setup({ options: { maxReadsPerTick: 4 } });
    const ids = t.server.add(10, 'running');
    await t.start();
    for (const id of ids) {
      await t.store.loadSession('remote', id);
    }
    const from = t.server.calls.length;
    await t.timers.advance(ACTIVE);
    assert.equal(t.server.calls.length - from, 4);
    await t.timers.advance(1000);
    assert.equal(t.server.calls.length - from, 8);
    await t.timers.advance(1000);
    assert.equal(t.server.calls.length - from, 10);
  });

  it('an empty request budget makes the tick wait for it instead of queueing requests', async () => {
    const t = setup({ perMinute: 6 }); // a burst of 1, then one request every 10 s
    t.server.add(2, 'running');
    await t.start(); // the list takes the only token
    const load = t.store.loadSession('remote', 'p1');
    await t.timers.advance(10_000);
    await load;
    await t.timers.advance(120_000);
    assert.ok(t.server.calls.length <= 1 + 13, `within the budget: ${t.server.calls.length} calls`);
    assert.equal(t.server.maxWaiting, 1, 'never two requests waiting for the budget');
    assert.equal(t.snap().status.state, 'ready', 'an empty budget is not a rate limit');
  });
});
