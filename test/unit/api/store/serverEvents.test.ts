/** Parsing the engine's server-wide event stream into ServerEvents. */
import assert from 'node:assert/strict';
import { parseServerEvent } from '../../../../src/api/watch/serverEvents';
import { project, sessionView } from './support';

describe('api/watch/serverEvents: parseServerEvent', () => {
  it('ready (as the engine writes it), reset, and each change with its id', () => {
    assert.deepEqual(parseServerEvent('ready', JSON.stringify({ lastEventId: 42, sessionId: null }), undefined), {
      type: 'ready',
      lastEventId: 42,
    });
    assert.deepEqual(parseServerEvent('reset', JSON.stringify({ reason: 'too old' }), undefined), { type: 'reset' });
    assert.deepEqual(parseServerEvent('project', JSON.stringify({ project: project('p1') }), '7'), {
      type: 'project',
      id: '7',
      project: project('p1'),
    });
    const v = sessionView('p1', 'running', 3, 40);
    assert.deepEqual(
      parseServerEvent('workflow', JSON.stringify({ workflow: v.workflows[0], session: v.session }), '8'),
      { type: 'workflow', id: '8', workflow: v.workflows[0], session: v.session },
    );
    assert.deepEqual(parseServerEvent('session', JSON.stringify({ session: v.session }), '9'), {
      type: 'session',
      id: '9',
      session: v.session,
    });
    const deleted = { sessionId: 's1', projectId: 'p1', currentSession: v.session };
    assert.deepEqual(parseServerEvent('session.deleted', JSON.stringify(deleted), '10'), {
      type: 'sessionDeleted',
      id: '10',
      sessionId: 's1',
      projectId: 'p1',
      current: v.session,
    });
  });

  it('an event it does not know is skipped; a malformed one throws (the reader logs and skips it)', () => {
    assert.equal(parseServerEvent('future', '{}', '10'), undefined);
    assert.throws(() => parseServerEvent('project', JSON.stringify({ project: { id: 1 } }), '11'));
  });
});
