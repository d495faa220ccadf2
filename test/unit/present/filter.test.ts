import assert from 'node:assert/strict';
import { describeFilter, isFiltering, keepProject } from '../../../src/present/filter';
import { entry, workflow } from './fixtures';

describe('present/filter: which projects the tree shows', () => {
  const running = entry({ name: 'Habit-Tracker' }, [workflow({ status: 'running' })]);
  const done = entry({ name: 'shop' }, [workflow({ status: 'completed' })]);
  const idle = entry({ name: 'blog' }, []);
  const unloaded = entry({ name: 'notes' });

  it('an empty filter keeps everything and is not filtering', () => {
    assert.equal(isFiltering({}), false);
    assert.equal(isFiltering({ statuses: [] }), false);
    for (const e of [running, done, idle, unloaded]) {
      assert.ok(keepProject(e, {}));
    }
    assert.equal(describeFilter({}), undefined);
  });

  it('by status: several at once; idle sessions are idle', () => {
    const f = { statuses: ['running' as const, 'idle' as const] };
    assert.ok(isFiltering(f));
    assert.deepEqual(
      [running, done, idle].map((e) => keepProject(e, f)),
      [true, false, true],
    );
  });

  it('a project whose session is not loaded stays visible (unknown is not excluded)', () => {
    assert.ok(keepProject(unloaded, { statuses: ['failed'] }));
  });

  it('by name: a case-insensitive substring, combined with the statuses', () => {
    assert.ok(keepProject(running, { project: 'habit' }));
    assert.ok(!keepProject(done, { project: 'habit' }));
    assert.ok(!keepProject(running, { project: 'habit', statuses: ['completed'] }));
  });

  it('describes itself for the view description', () => {
    assert.equal(
      describeFilter({ statuses: ['running', 'paused'], project: 'shop' }),
      'filtered: running, paused · "shop"',
    );
    assert.equal(describeFilter({ project: 'x' }), 'filtered: "x"');
  });
});
