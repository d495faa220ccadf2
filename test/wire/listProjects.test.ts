/**
 * bilt_list_projects pages on request (an engine extension both contracts allow): `limit` 1–100 and
 * `offset`, newest first, answered with `total` and `has_more`/`hasMore`; without them every project in
 * the seed's shape (clients that send nothing get what they always got).
 */
import assert from 'node:assert/strict';
import { invalid } from './support/assertions';
import { useEngine } from './support/fixture';

describe('bilt_list_projects: optional pages', () => {
  const t = useEngine({ flags: ['--max-projects', '500', '--projects-per-hour', '1000'] });
  const created: string[] = [];

  before(async function () {
    this.timeout(30_000);
    for (let i = 0; i < 130; i++) {
      created.unshift((await t.seed.call('bilt_create_project', { name: `page-${i}` })).id);
    }
  });

  it('answers every project without a limit, newest first, in the seed’s shape', async () => {
    const all = await t.seed.call('bilt_list_projects', {});
    assert.deepEqual(
      all.projects.map((p) => p.id),
      created,
    );
    assert.deepEqual(Object.keys(all), ['projects']);
  });

  it('pages with limit and offset (seed and live alike)', async () => {
    const seen: string[] = [];
    for (const [offset, size, more] of [
      [0, 50, true],
      [50, 50, true],
      [100, 30, false],
    ] as const) {
      const page = await t.seed.call('bilt_list_projects', { limit: 50, offset });
      assert.deepEqual([page.projects.length, page.total, page.has_more], [size, 130, more]);
      seen.push(...page.projects.map((p) => p.id));
    }
    assert.deepEqual(seen, created);
    const live = await t.live.call('bilt_list_projects', { limit: 10, offset: 125 });
    assert.deepEqual([live.projects.map((p) => p.id), live.total, live.hasMore], [created.slice(125), 130, false]);
  });

  it('refuses a limit outside 1–100 and a negative offset, naming the field', async () => {
    invalid(await t.seed.callError('bilt_list_projects', { limit: 0 }), 'limit', /limit/, 1);
    invalid(await t.seed.callError('bilt_list_projects', { limit: 101 }), 'limit', /limit/, 100);
    invalid(await t.seed.callError('bilt_list_projects', { offset: -1 }), 'offset', /offset/, 0);
  });
});
