import assert from 'node:assert/strict';
import { badge, running, statusBar, transitions, waitingForUser } from '../../../src/present/attention';
import { entry, snapshot, workflow } from './fixtures';

const questions = {
  type: 'questions' as const,
  questions: [{ question: 'Which colour?', options: ['red'], multiSelect: false, allowText: false }],
};
// workflow ids are unique per server: prefix them with the project's
const servers = (...lists: Array<Parameters<typeof entry>[1]>) => [
  snapshot({
    projects: lists.map((ws, i) =>
      entry(
        { id: `p${i}`, name: `proj-${i}` },
        ws?.map((w) => ({ ...w, id: `p${i}-${w.id}` })),
      ),
    ),
  }),
];

describe('present/attention: what needs the user and what runs', () => {
  it('counts sessions waiting for the user for the badge', () => {
    assert.equal(badge(servers([workflow()])), undefined);
    const one = servers([workflow({ status: 'paused', pause: questions })], [workflow({ status: 'running' })]);
    assert.deepEqual(badge(one), { value: 1, tooltip: '1 session needs you' });
    const two = servers(
      [workflow({ status: 'paused', pause: questions })],
      [workflow({ status: 'paused', pause: { type: 'secrets' } })],
    );
    assert.deepEqual(badge(two), { value: 2, tooltip: '2 sessions need you' });
  });

  it('a pause the user asked for (no pause reason) does not need the user', () => {
    assert.equal(waitingForUser(servers([workflow({ status: 'paused', pause: null })])).length, 0);
  });

  it('running includes queued workflows and looks only at the latest workflow of a session', () => {
    const s = servers(
      [workflow({ status: 'pending' })],
      [workflow({ id: 'new', status: 'completed' }), workflow({ id: 'old', status: 'running' })],
      undefined,
    );
    assert.deepEqual(
      running(s).map((a) => a.projectName),
      ['proj-0'],
    );
  });

  it('the status bar says how many run and need you, and warns when someone waits', () => {
    assert.equal(statusBar(servers([workflow()])), undefined);
    const r = statusBar(servers([workflow({ status: 'running' })], [workflow({ status: 'running' })]))!;
    assert.equal(r.text, 'Bilt $(loading~spin) 2');
    assert.match(r.tooltip, /^2 workflows running\. Click/);
    assert.equal(r.warning, false);
    const w = statusBar(
      servers([workflow({ status: 'running' })], [workflow({ status: 'paused', pause: questions })]),
    )!;
    assert.equal(w.text, 'Bilt $(loading~spin) 1 $(bell) 1');
    assert.match(w.tooltip, /1 workflow running, 1 needs you/);
    assert.equal(w.warning, true);
  });

  it('transitions report completed, failed and needs-input once, and ignore what did not change', () => {
    const before = servers(
      [workflow({ status: 'running' })],
      [workflow({ status: 'running' })],
      [workflow({ status: 'running' })],
      [workflow({ status: 'completed' })],
    );
    const after = servers(
      [workflow({ status: 'completed' })],
      [workflow({ status: 'failed', error: 'x' })],
      [workflow({ status: 'paused', pause: questions })],
      [workflow({ status: 'completed' })],
    );
    assert.deepEqual(
      transitions(before, after).map((t) => [t.projectName, t.event]),
      [
        ['proj-0', 'completed'],
        ['proj-1', 'failed'],
        ['proj-2', 'needs-input'],
      ],
    );
    assert.deepEqual(transitions(after, after), []);
  });

  it('a workflow seen for the first time is no event; a move to running or cancelled is a change (for watched projects)', () => {
    assert.deepEqual(transitions([], servers([workflow({ status: 'completed' })])), []);
    assert.deepEqual(
      transitions(servers([workflow({ status: 'pending' })]), servers([workflow({ status: 'running' })])).map(
        (t) => t.event,
      ),
      ['changed'],
    );
    assert.deepEqual(
      transitions(servers([workflow({ status: 'running' })]), servers([workflow({ status: 'cancelled' })])).map(
        (t) => t.event,
      ),
      ['changed'],
    );
  });

  it('the badge counts unread sessions too', () => {
    assert.deepEqual(badge(servers([workflow()]), 2), { value: 2, tooltip: '2 finished since you looked' });
  });
});
