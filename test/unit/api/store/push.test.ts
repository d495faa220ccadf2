/** BiltStore on a server that pushes (the local engine): one stream, one full read, events applied, resumed and re-discovered. */
import assert from 'node:assert/strict';
import type { Message, Workflow } from '../../../../src/core/model';
import { project, sessionView, setup, T0 } from './support';

const ISO = '2026-01-15T12:05:00.000Z';

function pushed(events: boolean | undefined = true) {
  const t = setup({ events, options: { retryMs: 1000 } });
  t.server.add(2);
  t.server.set('p1', 'running', 2, 10);
  return t;
}

const ready = (lastEventId = 100) => ({ type: 'ready' as const, lastEventId });
const message = (projectId: string, seq: number): Message => ({
  id: `m${seq}`,
  sessionId: `s-${projectId}`,
  workflowId: `w-${projectId}`,
  seq,
  side: 'ai',
  variant: 'info',
  text: 'hi',
  createdAt: ISO,
});
function workflowEvent(projectId: string, status: Workflow['status'], id: string) {
  const v = sessionView(projectId, status, 2);
  return { type: 'workflow' as const, id, workflow: v.workflows[0]!, session: v.session };
}

describe('api/store: push (server-wide event stream)', () => {
  it('opens one stream, reads the list and every session once on ready, then keeps no timers: live, no next refresh', async () => {
    const t = pushed();
    await t.start();
    assert.deepEqual(t.events.opens, [undefined]);
    assert.equal(t.server.calls.length, 0, 'nothing is read before the stream is open');
    t.events.push(ready());
    await t.timers.advance(0);
    assert.deepEqual(t.server.calls.map((c) => (c.op === 'list' ? 'list' : c.projectId)).sort(), ['list', 'p1', 'p2']);
    const s = t.snap();
    assert.deepEqual([s.status.state, s.live, s.nextRefreshAt, s.stale], ['ready', true, undefined, false]);
    assert.deepEqual(
      s.projects?.map((e) => [e.project.id, e.session?.session.status]),
      [
        ['p2', 'idle'],
        ['p1', 'running'],
      ],
    );
    assert.equal(t.timers.pending, 0, 'no polling timer');
    await t.timers.advance(3_600_000);
    assert.equal(t.server.calls.length, 3, 'nothing polled in an hour');
  });

  it('applies pushed changes: workflow status, message counts, new projects, new sessions; no request', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready());
    await t.timers.advance(0);
    const calls = t.server.calls.length;
    t.events.push(workflowEvent('p1', 'completed', '101'));
    t.events.push({ type: 'message', id: '102', message: message('p1', 3) });
    t.events.push({ type: 'project', id: '103', project: project('p9') });
    t.events.push({ type: 'session', id: '104', session: sessionView('p9', 'idle').session });
    t.events.push(workflowEvent('p9', 'running', '105'));
    t.state.changes.length = 0;
    await t.timers.advance(0);
    const s = t.snap();
    const p1 = s.projects?.find((e) => e.project.id === 'p1')?.session;
    assert.deepEqual(
      [p1?.session.status, p1?.workflows[0]?.status, p1?.session.messageCount, p1?.session.updatedAt],
      ['completed', 'completed', 3, ISO],
    );
    assert.deepEqual(
      s.projects?.map((e) => [e.project.id, e.session?.session.status]),
      [
        ['p9', 'running'],
        ['p2', 'idle'],
        ['p1', 'completed'],
      ],
    );
    assert.equal(t.server.calls.length, calls, 'all from the stream');
    assert.deepEqual(t.state.changes, ['local'], 'five events, one change');
  });

  it('several sessions in one project (Session API): an older session never takes the row; a deleted one leaves it', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready());
    await t.timers.advance(0);
    const current = sessionView('p1', 'running', 2).session;
    const older = { ...current, id: 's-older', status: 'completed' as const, createdAt: '2026-01-15T11:00:00.000Z' };
    const newer = { ...current, id: 's-newer', status: 'idle' as const, createdAt: '2026-01-15T13:00:00.000Z' };
    const row = () => t.snap().projects?.find((e) => e.project.id === 'p1')?.session;
    t.events.push({ type: 'session', id: '101', session: older });
    await t.timers.advance(0);
    assert.equal(row()?.session.id, 's-p1', 'an older session of the project does not replace the current one');
    t.events.push({ type: 'session', id: '102', session: newer });
    await t.timers.advance(0);
    assert.deepEqual([row()?.session.id, row()?.workflows.length], ['s-newer', 0], 'a newer session takes the row');
    t.events.push({ type: 'sessionDeleted', id: '103', sessionId: 's-other', projectId: 'p1', current: null });
    await t.timers.advance(0);
    assert.equal(row()?.session.id, 's-newer', 'deleting another session leaves the row');
    t.events.push({ type: 'sessionDeleted', id: '104', sessionId: 's-newer', projectId: 'p1', current: older });
    await t.timers.advance(0);
    assert.equal(row(), undefined, 'the row forgets a deleted session; the current one is read when needed');
    const calls = t.server.calls.length;
    assert.equal((await t.store.loadSession('local', 'p1')).session.id, 's-p1');
    assert.equal(t.server.calls.length, calls + 1);
  });

  it('a stream that breaks is resumed with Last-Event-ID (no full read); unreachable meanwhile', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready(100));
    await t.timers.advance(0);
    t.events.push(workflowEvent('p1', 'completed', '107'));
    await t.timers.advance(0);
    const calls = t.server.calls.length;
    t.events.current!.fail(new Error('socket hang up'));
    await t.timers.advance(0);
    const st = t.snap().status;
    assert.deepEqual([st.state, 'retryAt' in st && st.retryAt], ['unreachable', T0 + 1000]);
    await t.timers.advance(1000);
    assert.deepEqual(t.events.opens, [undefined, '107']);
    t.events.push(ready(107));
    await t.timers.advance(0);
    assert.deepEqual([t.snap().status.state, t.server.calls.length, t.state.connects.length], ['ready', calls, 1]);
  });

  it('a stream that will not open means the engine moved: reconnect through the Connector, read everything again', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready(100));
    await t.timers.advance(0);
    t.events.refuse = 1;
    t.events.current!.fail(new Error('socket hang up'));
    await t.timers.advance(1000); // resume attempt: refused
    assert.equal(t.server.closed, 1, 'the old client is closed');
    await t.timers.advance(2000); // backoff, then the Connector again
    assert.deepEqual([t.state.connects.length, t.events.opens], [2, [undefined, '100', undefined]]);
    t.server.set('p2', 'completed');
    t.events.push(ready(5));
    await t.timers.advance(0);
    assert.equal(t.snap().projects?.find((e) => e.project.id === 'p2')?.session?.session.status, 'completed');
    assert.equal(t.snap().status.state, 'ready');
  });

  it('reset: the events after Last-Event-ID are gone; everything is read again', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready());
    await t.timers.advance(0);
    t.server.add(1);
    t.events.push({ type: 'reset' });
    await t.timers.advance(0);
    assert.equal(t.server.count('list'), 2);
    assert.equal(t.snap().projects?.length, 3);
  });

  it('afterAction and activity cost nothing; loadSession answers from the store; refresh() connects again and reads everything', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready());
    await t.timers.advance(0);
    const calls = t.server.calls.length;
    t.store.afterAction('local', { projectId: 'p1' });
    t.store.setActivity({ windowFocused: false, viewVisible: false });
    await t.timers.advance(60_000);
    assert.equal((await t.store.loadSession('local', 'p1')).session.status, 'running');
    assert.equal(t.server.calls.length, calls);
    const refreshed = t.store.refresh('local');
    await t.timers.advance(0);
    assert.deepEqual(
      [t.state.connects.length, t.events.opens],
      [2, [undefined, undefined]],
      'through the Connector (the engine may have moved), a new stream',
    );
    t.events.push(ready());
    await refreshed;
    assert.equal(t.server.calls.length, calls + 3);
  });

  it('dispose ends the stream', async () => {
    const t = pushed();
    await t.start();
    t.events.push(ready());
    await t.timers.advance(0);
    t.store.dispose();
    await t.timers.advance(60_000);
    assert.deepEqual([t.events.opens.length, t.timers.pending, t.server.closed], [1, 0, 1]);
  });
});
