/**
 * BiltStore against a real engine, polling as for a remote server (its client is shown without an
 * event stream), on both contracts: a new project appears with the list cadence, a loaded session
 * follows a workflow started by another client (running → completed) through the burst after the
 * action and the active cadence; every project's state is read, expanded or not.
 */
import assert from 'node:assert/strict';
import { BiltClient } from '../../src/api/client';
import type { FetchLike } from '../../src/api/http/resilientFetch';
import { BiltStore } from '../../src/api/store/biltStore';
import type { Connector, ServerConfig } from '../../src/api/store/types';
import type { SessionStatus } from '../../src/core/status';
import { until } from '../support/until';
import { CONTRACTS, useClientEngine } from './support/client';
import { uniqueName } from './support/fixture';

/** The client as a remote server's would be: no event stream, so the store polls. */
const withoutEvents = (c: BiltClient): BiltClient =>
  Object.assign(Object.create(c) as BiltClient, { eventsUrl: undefined });

describe('wire: BiltStore, polling (a server without events)', function () {
  this.timeout(30_000);
  const e = useClientEngine({ scenario: 'quick.json', speed: 5 }); // a 1.5 s workflow
  let store: BiltStore | undefined;
  afterEach(() => store?.dispose());

  for (const c of CONTRACTS) {
    it(`${c.name}: a new project appears with its state, a session follows running → completed, every project is read`, async () => {
      /** The store's tool calls: name and body. */
      const calls: Array<{ tool: string; body: string }> = [];
      const counting: FetchLike = (url, init) => {
        const m = typeof init?.body === 'string' ? /"name":"(bilt_\w+)"/.exec(init.body) : null;
        if (m) {
          calls.push({ tool: m[1]!, body: init!.body as string });
        }
        return fetch(url, init);
      };
      const connect: Connector = async () => withoutEvents(await e.connect(c, { fetch: counting }));
      const server: ServerConfig = {
        id: 'polled',
        label: 'Engine, polled',
        kind: 'remote',
        url: c.url(e.engine.ready),
      };
      // time runs 100 times faster here: so does the request pace
      store = new BiltStore({ connect, activeMs: 100, idleMs: 300, burstMs: [50, 100, 200, 400], maxPerMinute: 3000 });
      const seen: SessionStatus[] = [];
      const entry = (id: string) => store!.snapshot('polled')?.projects?.find((x) => x.project.id === id);
      const other = await e.connect(c);
      const idle = await other.backend.createProject({ name: uniqueName('store-idle') });
      store.setServers([server]);
      await until(() => store!.snapshot('polled')?.status.state === 'ready', 'the first list');
      const s = store.snapshot('polled')!;
      assert.deepEqual([s.live, s.stale, typeof s.nextRefreshAt], [false, false, 'number']);

      const p = await other.backend.createProject({ name: uniqueName('store-poll') });
      await until(() => entry(p.id), 'the new project to appear with the next list');
      const view = await store.loadSession('polled', p.id);
      assert.equal(view.session.status, 'idle');
      store.onDidChange(() => {
        const st = entry(p.id)?.session?.session.status;
        if (st && seen.at(-1) !== st) {
          seen.push(st);
        }
      });
      void other.backend
        .sendMessage({ projectId: p.id, sessionId: view.session.id }, 'Build a polled app')
        .catch(() => undefined);
      store.afterAction('polled', { projectId: p.id, sessionId: view.session.id });
      await until(() => seen.at(-1) === 'completed', 'the store to announce it completed', 15_000);
      assert.ok(seen.includes('running'), `running before completed: ${seen.join(' → ')}`);
      assert.equal(entry(idle.id)?.session?.session.status, 'idle', 'a project never expanded is read too');
      const followed = calls.filter((x) => x.tool === 'bilt_get_session' && x.body.includes(p.id));
      assert.ok(followed.length >= 3, `the running session was followed (${followed.length} reads)`);
      assert.ok(calls.filter((x) => x.tool === 'bilt_list_projects').length >= 2, 'the list was polled');
    });
  }
});
