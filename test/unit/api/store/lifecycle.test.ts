/** BiltStore's life: cached data shown stale, what it persists, servers added and removed, change coalescing, dispose. */
import assert from 'node:assert/strict';
import type { PersistedServer, ServerConfig } from '../../../../src/api/store/types';
import { FakeServer, project, REMOTE, sessionView, settle, setup, T0 } from './support';

const OTHER: ServerConfig = { id: 'other', label: 'Other', kind: 'remote', url: 'https://other.example.test/mcp' };

describe('api/store: life cycle', () => {
  it('restore: cached data shows at once, stale, until the first refresh; a cached active session and a project never read are read at once', async () => {
    const t = setup();
    t.server.add(2);
    t.server.set('p2', 'completed');
    const cached: PersistedServer = {
      serverId: 'remote',
      updatedAt: T0 - 3_600_000,
      projects: [{ project: project('p2'), session: sessionView('p2', 'running') }, { project: project('p1') }],
    };
    t.store.restore([cached]);
    t.store.setServers([REMOTE]);
    let s = t.snap();
    assert.deepEqual(
      [s.stale, s.status.state, s.updatedAt, s.projects?.[0]?.session?.session.status],
      [true, 'connecting', T0 - 3_600_000, 'running'],
    );
    await t.timers.advance(0);
    s = t.snap();
    assert.deepEqual(
      [s.stale, s.status.state, s.updatedAt, s.projects?.[0]?.session?.session.status],
      [false, 'ready', T0, 'completed'],
    );
    assert.deepEqual(
      t.server.calls.map((c) => (c.op === 'list' ? 'list' : c.projectId)),
      ['list', 'p2', 'p1'],
    );
  });

  it('persist: projects and session views, small (at most 3 workflows), and round-trips through restore', async () => {
    const t = setup();
    t.server.add(2);
    const v = sessionView('p1', 'completed');
    t.server.views.set('p1', {
      ...v,
      workflows: Array.from({ length: 6 }, (_, i) => ({
        ...v.workflows[0]!,
        id: `w${i}`,
        createdAt: `2026-01-15T12:0${i}:00.000Z`,
      })),
    });
    await t.start();
    await t.store.loadSession('remote', 'p1');
    const p = t.store.persist();
    assert.equal(p.length, 1);
    assert.deepEqual(
      [p[0]!.serverId, p[0]!.updatedAt, p[0]!.projects.map((x) => x.project.id)],
      ['remote', T0, ['p2', 'p1']],
    );
    assert.deepEqual(
      p[0]!.projects[1]!.session?.workflows.map((w) => w.id),
      ['w5', 'w4', 'w3'],
      'latest first, three kept',
    );
    assert.equal(p[0]!.projects[0]!.session?.session.status, 'idle', 'read by the first load');
    const again = setup();
    again.store.restore(JSON.parse(JSON.stringify(p)) as PersistedServer[]);
    again.store.setServers([REMOTE]);
    assert.deepEqual(
      again.snap().projects?.map((e) => e.project.id),
      ['p2', 'p1'],
    );
  });

  it('setServers adds and removes servers (closing the removed client), keeps data on a label edit, reconnects on a URL edit', async () => {
    const t = setup();
    t.server.add(1);
    const other = new FakeServer({ timers: t.timers });
    other.add(3);
    t.others.set('other', other);
    await t.start([REMOTE, OTHER]);
    assert.deepEqual(
      t.store.snapshots().map((s) => [s.server.id, s.projects?.length]),
      [
        ['remote', 1],
        ['other', 3],
      ],
    );
    t.state.changes.length = 0;
    t.store.setServers([{ ...REMOTE, label: 'Renamed' }]);
    await t.timers.advance(0);
    assert.deepEqual(
      t.store.snapshots().map((s) => [s.server.label, s.projects?.length]),
      [['Renamed', 1]],
    );
    assert.equal(t.store.snapshot('other'), undefined);
    assert.equal(other.closed, 1, "the removed server's client is closed");
    assert.deepEqual(t.state.changes.sort(), ['other', 'remote']);
    const removedAt = other.calls.length;
    await t.timers.advance(10 * 60_000);
    assert.equal(other.calls.length, removedAt, 'the removed server is not polled any more');
    assert.deepEqual(t.state.connects, ['remote', 'other'], 'a label edit does not reconnect');
    t.store.setServers([{ ...REMOTE, url: 'https://moved.example.test/mcp' }]);
    await t.timers.advance(0);
    assert.deepEqual([t.state.connects.at(-1), t.server.closed], ['remote', 1]);
  });

  it('changes are announced once per server per timer turn, however many happened', async () => {
    const t = setup();
    const ids = t.server.add(5, 'running');
    await t.start();
    t.state.changes.length = 0;
    await Promise.all(ids.map((id) => t.store.loadSession('remote', id)));
    assert.deepEqual(t.state.changes, [], 'not yet: announced on the next turn');
    await t.timers.advance(0);
    assert.deepEqual(t.state.changes, ['remote']);
  });

  it('dispose stops every timer, aborts requests in flight, closes clients, and is idempotent', async () => {
    const t = setup();
    t.server.add(2, 'running');
    await t.start();
    const [added] = t.server.add(1); // not listed yet: read on request only
    t.server.hang = true;
    const pending = t.store.loadSession('remote', added!);
    await settle(); // the read is on its way
    t.store.dispose();
    await assert.rejects(pending);
    assert.equal(t.server.aborted, 1, 'the request in flight was aborted');
    t.store.dispose();
    const calls = t.server.calls.length;
    const changes = t.state.changes.length;
    await t.timers.advance(3_600_000);
    assert.deepEqual(
      [t.server.calls.length, t.state.changes.length, t.timers.pending, t.server.closed],
      [calls, changes, 0, 1],
    );
    t.store.setServers([REMOTE]);
    t.store.afterAction('remote', { projectId: 'p1' });
    assert.deepEqual(t.store.snapshots(), []);
  });

  it('client(): the connected client of a server; connects when there is none', async () => {
    const t = setup();
    await t.start();
    const c = await t.store.client('remote');
    assert.equal(c.budget, t.server.budget);
    assert.equal(t.state.connects.length, 1, 'the client the store already has');
    await assert.rejects(t.store.client('nope'), /not found/);
    await t.store.refresh('nope'); // not configured (yet): nothing to do
  });
});
