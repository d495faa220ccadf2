import assert from 'node:assert/strict';
import {
  isFinishedAndRead,
  isUnread,
  notifies,
  seenMark,
  unreadCount,
  type NotifyLevel,
} from '../../../src/present/personal';
import { entry, snapshot, view, workflow } from './fixtures';

describe('present/personal: mute and watch, read and unread', () => {
  it('watch notifies every change; default the ends and what needs you; mute nothing', () => {
    const table = (['watch', 'default', 'mute'] as NotifyLevel[]).map((level) =>
      (['completed', 'failed', 'needs-input', 'changed'] as const).filter((e) => notifies(level, e)),
    );
    assert.deepEqual(table, [
      ['completed', 'failed', 'needs-input', 'changed'],
      ['completed', 'failed', 'needs-input'],
      [],
    ]);
  });

  it('a session is unread from when its workflow ends until it is seen; running work is never unread', () => {
    const done = workflow({ status: 'completed' });
    assert.equal(isUnread(view([done]), undefined), true);
    assert.equal(isUnread(view([done]), seenMark(done)), false);
    assert.equal(
      isUnread(view([workflow({ status: 'failed' })]), seenMark(done)),
      true,
      'the same workflow ending again in another state',
    );
    assert.equal(isUnread(view([workflow({ status: 'running' })]), undefined), false);
    assert.equal(isUnread(view([]), undefined), false);
  });

  it('the unread count leaves muted projects out; "hide finished" hides completed or cancelled work once seen', () => {
    const snaps = [
      snapshot({
        projects: [entry({ id: 'a' }, [workflow({ id: 'wa' })]), entry({ id: 'b' }, [workflow({ id: 'wb' })])],
      }),
    ];
    const state = (muted: string[]) => ({
      level: (_s: string, p: string) => (muted.includes(p) ? ('mute' as const) : ('default' as const)),
      seen: () => undefined,
    });
    assert.equal(unreadCount(snaps, state([])), 2);
    assert.equal(unreadCount(snaps, state(['a'])), 1);
    const done = workflow({ status: 'completed' });
    assert.equal(isFinishedAndRead(view([done]), seenMark(done)), true);
    assert.equal(isFinishedAndRead(view([done]), undefined), false, 'unread work stays');
    assert.equal(isFinishedAndRead(view([workflow({ status: 'failed' })]), undefined), false);
  });
});
