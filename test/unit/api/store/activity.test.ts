/** BiltStore polling and the user: pausing while the window is inactive or the view hidden, catching up, bursts after actions, refresh. */
import assert from 'node:assert/strict';
import { setup, T0 } from './support';

const IDLE = 60_000;

describe('api/store: polling, activity and actions', () => {
  for (const [what, a] of [
    ['the window is inactive', { windowFocused: false, viewVisible: true }],
    ['the view is hidden', { windowFocused: true, viewVisible: false }],
  ] as const) {
    it(`while ${what}: the list every 4 idle intervals, an active session at least every 20 s (its completion is noticed); on return, what is overdue at once`, async () => {
      const t = setup();
      t.server.add(2);
      t.server.set('p1', 'running');
      await t.start();
      t.store.setActivity(a);
      await t.timers.advance(0);
      const before = t.server.calls.length;
      await t.timers.advance(4 * IDLE);
      const calls = t.server.calls.slice(before);
      assert.equal(calls.filter((c) => c.op === 'list').length, 1, 'the list once in 4 idle intervals');
      const reads = t.server.readsOf('p1').filter((r) => r > 0);
      const gaps = reads.map((r, i) => r - (i ? reads[i - 1]! : 0));
      assert.ok(
        gaps.every((g) => g >= 5000 && g <= 30_000),
        `followed, slower: ${gaps.join(',')}`,
      );
      t.server.set('p1', 'completed');
      await t.timers.advance(IDLE + 1000);
      assert.equal(t.snap().projects?.find((e) => e.project.id === 'p1')?.session?.session.status, 'completed');
      t.store.setActivity({ windowFocused: true, viewVisible: true });
      const back = t.server.calls.length;
      await t.timers.advance(0);
      assert.deepEqual(
        t.server.calls.slice(back, back + 1).map((c) => c.op),
        ['list'],
        'the list was older than its visible interval: read at once',
      );
    });
  }

  it('a short absence: no catch-up, the refresh comes when its interval ends', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    await t.timers.advance(10_000);
    t.store.setActivity({ windowFocused: false, viewVisible: true });
    await t.timers.advance(20_000);
    t.store.setActivity({ windowFocused: true, viewVisible: true });
    await t.timers.advance(0);
    assert.equal(t.server.count('list'), 1);
    assert.equal(t.snap().nextRefreshAt, T0 + IDLE);
    await t.timers.advance(IDLE - 30_000);
    assert.equal(t.server.count('list'), 2);
  });

  it('afterAction: the session is read after 0.5, 1, 2 and 4 s gaps, then at the active cadence (backing off while unchanged)', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    await t.store.loadSession('remote', 'p1');
    await t.timers.advance(1000);
    const at = T0 + 1000;
    t.server.set('p1', 'running'); // another client (or our command) started it
    t.store.afterAction('remote', { projectId: 'p1', sessionId: 's-p1' });
    await t.timers.advance(25_000);
    assert.deepEqual(t.server.readsOf('p1', at), [-1000, 500, 1500, 3500, 7500, 12_500, 22_500]);
  });

  it('afterAction with only a session id finds its project; bursts run even while polling is paused', async () => {
    const t = setup();
    t.server.add(2);
    await t.start();
    await t.store.loadSession('remote', 'p2');
    t.store.setActivity({ windowFocused: false, viewVisible: false });
    t.store.afterAction('remote', { sessionId: 's-p2' });
    await t.timers.advance(IDLE);
    assert.deepEqual(t.server.readsOf('p2'), [0, 500, 1500, 3500, 7500]);
    assert.equal(t.server.count('list'), 1, 'the paused list cadence did not run');
  });

  it('afterAction for a project the store does not know yet (just created) reads the list first', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    const from = t.server.calls.length;
    const [created] = t.server.add(1, 'running');
    t.store.afterAction('remote', { projectId: created! });
    await t.timers.advance(500);
    assert.deepEqual(
      t.server.calls.slice(from).map((c) => (c.op === 'list' ? 'list' : c.projectId)),
      ['list', created],
    );
    assert.equal(t.snap().projects?.[0]?.session?.session.status, 'running');
  });

  it('afterAction without a ref refreshes the list in a burst', async () => {
    const t = setup();
    await t.start();
    t.store.afterAction('remote');
    await t.timers.advance(10_000);
    assert.deepEqual(
      t.server.calls.map((c) => c.at - T0),
      [0, 500, 1500, 3500, 7500],
    );
  });

  it('refresh(): the list, active sessions and loaded sessions at once; then the normal cadence', async () => {
    const t = setup();
    t.server.add(4);
    t.server.set('p4', 'running');
    await t.start();
    for (const id of ['p1', 'p2', 'p4']) {
      await t.store.loadSession('remote', id);
    }
    await t.timers.advance(2000);
    const from = t.server.calls.length;
    await t.store.refresh();
    const calls = t.server.calls.slice(from);
    assert.deepEqual(calls.map((c) => (c.op === 'list' ? 'list' : c.projectId)).sort(), [
      'list',
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
    assert.ok(calls.every((c) => c.at === T0 + 2000));
    assert.equal(t.snap().updatedAt, T0 + 2000);
  });
});
