/** BiltStore polling a remote server: what it reads first, the list and session cadences, freshness in every state, and pacing. */
import assert from 'node:assert/strict';
import { setup, T0 } from './support';

const IDLE = 60_000;
const ACTIVE = 5000;
const ops = (calls: Array<{ op: string; projectId?: string }>) =>
  calls.map((c) => (c.op === 'list' ? 'list' : c.projectId));

describe('api/store: polling a remote server', () => {
  it('first load: the list, then every project whose state is unknown, newest first; ready, not live', async () => {
    const t = setup();
    t.server.add(3);
    await t.start();
    assert.deepEqual(ops(t.server.calls), ['list', 'p3', 'p2', 'p1']);
    const s = t.snap();
    assert.deepEqual(
      [s.status.state, s.live, s.stale, s.updatedAt, s.nextRefreshAt],
      ['ready', false, false, T0, T0 + IDLE],
    );
    assert.deepEqual(
      s.projects?.map((e) => [e.project.id, e.session?.session.status]),
      [
        ['p3', 'idle'],
        ['p2', 'idle'],
        ['p1', 'idle'],
      ],
    );
  });

  it('the list every idle interval; a project whose listing changed is read at once, expanded or not', async () => {
    const t = setup();
    t.server.add(5);
    await t.start();
    const from = t.server.calls.length;
    await t.timers.advance(2 * IDLE);
    assert.deepEqual(
      ops(t.server.calls.slice(from)).filter((x) => x === 'list'),
      ['list', 'list'],
    );
    t.server.touch('p2', 'running'); // changed elsewhere: the listing's updatedAt moves
    const at = t.server.calls.length;
    await t.timers.advance(IDLE);
    const [list, ...reads] = t.server.calls.slice(at);
    assert.equal(list?.op, 'list');
    assert.equal(reads.find((c) => c.op === 'session' && c.projectId === 'p2')?.at, list?.at, 'p2 read with the list');
    assert.equal(t.snap().projects?.find((e) => e.project.id === 'p2')?.session?.session.status, 'running');
  });

  it('a new project in the list shows, with its state, on the next cycle', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.add(1, 'running');
    await t.timers.advance(IDLE - 1);
    assert.equal(t.snap().projects?.length, 1);
    await t.timers.advance(1);
    assert.deepEqual(
      t.snap().projects?.map((e) => [e.project.id, e.session?.session.status]),
      [
        ['p2', 'running'],
        ['p1', 'idle'],
      ],
    );
  });

  it('loadSession answers from the store within the active interval, and reads again after it', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    const reads = t.server.count('session');
    assert.equal((await t.store.loadSession('remote', 'p1')).session.status, 'idle');
    assert.equal(t.server.count('session'), reads, 'just read by the first load');
    await t.timers.advance(ACTIVE);
    t.server.set('p1', 'completed');
    assert.equal((await t.store.loadSession('remote', 'p1')).session.status, 'completed');
    assert.equal(t.server.count('session'), reads + 1);
  });

  it('50 idle projects: after the first load each cycle costs one list request and at most one session read', async () => {
    const t = setup({ options: { maxPerMinute: 1000 } });
    t.server.add(50);
    await t.start();
    await t.timers.advance(IDLE);
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
  });

  it('an active session is followed every active interval, backing off while unchanged up to 30 s, fast again when it changes', async () => {
    const t = setup();
    t.server.add(1);
    t.server.set('p1', 'running', 1, 10);
    await t.start();
    assert.equal(t.snap().nextRefreshAt, T0 + ACTIVE);
    await t.timers.advance(65_000); // unchanged: 5, 10, 20, then 30 s (the cap) later
    assert.deepEqual(t.server.readsOf('p1'), [0, 5000, 15_000, 35_000, 65_000]);
    t.server.set('p1', 'running', 2, 50);
    await t.timers.advance(30_000 + ACTIVE); // the read at 95 s sees the change; the next comes 5 s later
    assert.deepEqual(t.server.readsOf('p1').slice(5), [95_000, 100_000]);
    t.server.set('p1', 'completed', 3);
    await t.timers.advance(10_000);
    assert.equal(t.snap().projects?.[0]?.session?.session.status, 'completed');
    const n = t.server.readsOf('p1').length;
    await t.timers.advance(50_000); // completed: no longer followed (only the lazy idle refresh of a cycle, if due)
    assert.ok(t.server.readsOf('p1').length <= n + 1, String(t.server.readsOf('p1')));
  });

  it('many active sessions: a tick reads at most maxReadsPerTick, the rest a second later', async () => {
    const t = setup({ options: { maxReadsPerTick: 4, maxPerMinute: 1000 } });
    t.server.add(10, 'running');
    await t.start();
    await t.timers.advance(10_000); // the first load (in ticks of 4) is over
    const from = t.server.calls.length;
    await t.timers.advance(30_000);
    const reads = t.server.calls.slice(from).filter((c) => c.op === 'session');
    assert.ok(reads.length >= 10, 'every active session was read within 30 s');
    const perSecond = new Map<number, number>();
    for (const r of reads) {
      perSecond.set(r.at, (perSecond.get(r.at) ?? 0) + 1);
    }
    assert.ok(
      [...perSecond.values()].every((n) => n <= 4),
      'at most 4 per tick',
    );
  });

  it('at most maxPerMinute scheduled requests in any minute, however many projects and active sessions', async () => {
    const t = setup({ options: { maxPerMinute: 30, idleMs: 30_000 } });
    t.server.add(100);
    for (let i = 1; i <= 10; i++) {
      t.server.set(`p${i}`, 'running');
    }
    await t.start();
    await t.timers.advance(10 * 60_000);
    for (let m = 0; m < 10; m++) {
      const inMinute = t.server.calls.filter((c) => c.at >= T0 + m * 60_000 && c.at < T0 + (m + 1) * 60_000).length;
      assert.ok(inMinute <= 30, `minute ${m}: ${inMinute} requests`);
    }
    assert.ok(
      t.snap().projects?.every((e) => e.session),
      'every project was read within 10 minutes',
    );
  });

  it('an empty request budget makes the tick wait for it instead of queueing requests', async () => {
    const t = setup({ perMinute: 6 }); // a burst of 1, then one request every 10 s
    t.server.add(2, 'running');
    await t.start(); // the list takes the only token
    await t.timers.advance(120_000);
    assert.ok(t.server.calls.length <= 1 + 13, `within the budget: ${t.server.calls.length} calls`);
    assert.equal(t.server.maxWaiting, 1, 'never two requests waiting for the budget');
    assert.equal(t.snap().status.state, 'ready', 'an empty budget is not a rate limit');
  });
});
