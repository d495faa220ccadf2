/**
 * BiltStore against a real local engine, push mode: changes made by another client (a new project, a
 * workflow running → completed) reach the store's snapshot over the server-wide event stream with no
 * request from the store; after the engine restarts on the same data dir (another port, another
 * token) the store finds it again through its Connector (the discovery file) and is live again.
 */
import assert from 'node:assert/strict';
import { BiltClient } from '../../src/api/client';
import type { FetchLike } from '../../src/api/http/resilientFetch';
import { readDiscovery } from '../../src/api/local/discovery';
import { BiltStore } from '../../src/api/store/biltStore';
import type { Connector, ServerConfig } from '../../src/api/store/types';
import { BiltError } from '../../src/core/errors';
import type { SessionStatus } from '../../src/core/status';
import { startEngine, type EngineProcess } from '../support/engineProcess';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';
import { scenario } from './support/engine';
import { uniqueName } from './support/fixture';

const LOCAL: ServerConfig = { id: 'local', label: 'Local engine', kind: 'local' };

/** The statuses a project's session went through, as the store's change events showed them. */
function recordStatuses(store: BiltStore, serverId: string): (projectId: string) => SessionStatus[] {
  const seen = new Map<string, SessionStatus[]>();
  store.onDidChange((id) => {
    if (id !== serverId) {
      return;
    }
    for (const e of store.snapshot(id)?.projects ?? []) {
      const s = e.session?.session.status;
      const list = seen.get(e.project.id) ?? [];
      if (s && list.at(-1) !== s) {
        seen.set(e.project.id, [...list, s]);
      }
    }
  });
  return (projectId) => seen.get(projectId) ?? [];
}

describe('wire: BiltStore, push from the local engine', function () {
  this.timeout(30_000);
  const dataDir = tempDir('bilt-store-');
  const args = ['--data-dir', dataDir, '--agent', 'emulator', '--speed', '1', '--scenario', scenario('quick.json')];
  let engine: EngineProcess | undefined;
  let store: BiltStore | undefined;
  const clients: BiltClient[] = [];
  /** Tool calls the store's clients sent (not the other client's). */
  let storeCalls = 0;
  const counting: FetchLike = (url, init) => {
    if (init?.method === 'POST' && typeof init.body === 'string' && init.body.includes('"tools/call"')) {
      storeCalls++;
    }
    return fetch(url, init);
  };
  /** What the extension does: find the engine through its discovery file, every time. */
  const connect: Connector = async (_server, signal) => {
    const d = await readDiscovery(dataDir);
    if (!d) {
      throw new BiltError('unavailable', 'No local engine is running');
    }
    return BiltClient.connect({ url: d.mcpUrl, token: d.token, fetch: counting }, signal);
  };
  const otherClient = async (url: 'mcpUrl' | 'liveMcpUrl' = 'mcpUrl') => {
    const c = await BiltClient.connect({ url: engine!.ready[url], token: engine!.ready.token });
    clients.push(c);
    return c;
  };
  const entry = (projectId: string) => store!.snapshot('local')?.projects?.find((e) => e.project.id === projectId);
  const live = () => {
    const s = store!.snapshot('local');
    return s?.status.state === 'ready' && s.live && !s.stale;
  };

  before(async function () {
    this.timeout(20_000);
    engine = await startEngine(args);
  });
  afterEach(() => store?.dispose());
  after(async function () {
    this.timeout(10_000);
    for (const c of clients.splice(0)) {
      await c.close().catch(() => undefined);
    }
    await engine?.stop();
  });

  for (const contract of ['mcpUrl', 'liveMcpUrl'] as const) {
    it(`another client (${contract === 'mcpUrl' ? 'seed' : 'live'}) creates a project and runs a workflow: the store shows it, running → completed, without a request`, async () => {
      store = new BiltStore({ connect, retryMs: 100 });
      const seen = recordStatuses(store, 'local');
      store.setServers([LOCAL]);
      await until(live, 'the store to read the engine and go live');
      assert.equal(store.snapshot('local')!.nextRefreshAt, undefined);
      const other = await otherClient(contract);
      const before = storeCalls;

      const p = await other.backend.createProject({ name: uniqueName('store-push') });
      await until(() => entry(p.id), 'the new project to appear in the store');
      const v = await other.backend.getSession({ projectId: p.id });
      await until(() => entry(p.id)?.session, 'its session to appear');
      void other.backend
        .sendMessage({ projectId: p.id, sessionId: v.session.id }, 'Build a pushed app')
        .catch(() => undefined);
      // as a listener sees it: the change event after the snapshot moved
      await until(() => seen(p.id).at(-1) === 'completed', 'the store to announce the completed workflow', 10_000);

      const view = entry(p.id)!.session!;
      assert.ok(seen(p.id).includes('running'), `running before completed: ${seen(p.id).join(' → ')}`);
      assert.equal(view.workflows[0]?.status, 'completed');
      assert.ok(view.session.messageCount >= 4, `message count followed (${view.session.messageCount})`);
      assert.equal(storeCalls, before, 'the store sent no request: everything came over the event stream');
    });
  }

  it('the engine restarts (new port, new token): the store reconnects through its Connector and is live again', async () => {
    store = new BiltStore({ connect, retryMs: 100, maxBackoffMs: 400 });
    store.setServers([LOCAL]);
    await until(live, 'the store to go live');
    const oldToken = engine!.ready.token;
    await engine!.stop();
    await until(() => store!.snapshot('local')?.status.state === 'unreachable', 'the store to see the engine go');
    assert.ok(store.snapshot('local')!.projects?.length, 'the last data stays while it is away');

    engine = await startEngine(args);
    assert.notEqual(engine.ready.token, oldToken, 'the old client could not talk to it');
    await until(live, 'the store to find the restarted engine', 10_000);
    const other = await otherClient();
    const p = await other.backend.createProject({ name: uniqueName('store-again') });
    await until(() => entry(p.id), 'a project made on the restarted engine to be pushed');
  });
});
