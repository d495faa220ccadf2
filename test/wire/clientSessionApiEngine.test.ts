/**
 * BiltClient over the local engine's own Session API (REST root = the engine's url, bearer
 * ready.token): connecting by kind and by detection, a session through its life (a project grouped by
 * task, the watch from seq 0, the history paged by the engine's cursor), and pause, resume, cancel and
 * delete against real work. The same client reads a stand-in gateway in clientSessionApi.test.ts.
 */
import assert from 'node:assert/strict';
import type { SessionRef } from '../../src/api/backend';
import { BiltClient, type ClientOptions } from '../../src/api/client';
import type { WatchEvent } from '../../src/api/watch/watch';
import { until } from '../support/until';
import { collect, rejectsWith, summary, useClientEngine } from './support/client';
import type { EngineOptions } from './support/engine';
import { uniqueName } from './support/fixture';

const refOf = (id: string): SessionRef => ({ sessionId: id, projectId: id });
const delivered = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'messages' ? e.messages : []));

/** The local engine's Session API (REST root = ready.url, bearer ready.token), through the same client. */
function useEngineGateway(options: EngineOptions) {
  const clients: BiltClient[] = [];
  after(async () => {
    for (const c of clients.splice(0)) {
      await c.close(); // before the engine stops (hooks run in the order they were added)
    }
  });
  const e = useClientEngine(options);
  return {
    url: () => e.engine.ready.url,
    async connect(extra: Partial<ClientOptions> = {}) {
      const { url, token } = e.engine.ready;
      const client = await BiltClient.connect({ url, token, kind: 'session-api', ...extra });
      clients.push(client);
      return client;
    },
    /** POST /api/sessions (the client has no such operation: a gateway's sessions are started by their agents). */
    async create(body: Record<string, unknown>): Promise<SessionRef> {
      const { url, token } = e.engine.ready;
      const res = await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 201, await res.clone().text());
      return refOf(((await res.json()) as { id: string }).id);
    },
  };
}

describe('wire: BiltClient over the local engine’s Session API', () => {
  const t = useEngineGateway({ scenario: 'quick.json', speed: 1 });

  it('connects by kind and by detection (/mcp stays MCP; the root and …/api are the gateway); nothing lacking but answers', async () => {
    const byKind = await t.connect();
    const atMcp = await t.connect({ kind: undefined, url: `${t.url()}/mcp` });
    assert.equal(atMcp.backend.kind, 'mcp-seed', 'where MCP answers, MCP it is');
    const atRoot = await t.connect({ kind: undefined, url: t.url() }); // no MCP at the root: the session list
    const atApi = await t.connect({ kind: undefined, url: `${t.url()}/api` });
    for (const client of [byKind, atRoot, atApi]) {
      assert.equal(client.backend.kind, 'session-api');
      assert.deepEqual(client.backend.capabilities.missing, ['cannot answer questions']);
    }
  });

  it('a session through its life: a project grouped by task, the watch from seq 0, history paged by cursor', async () => {
    const client = await t.connect();
    const task = uniqueName('client-task');
    const ref = await t.create({ agent_id: 'EMULATOR', task_id: task });
    const project = await client.backend.getProject(ref.projectId);
    assert.deepEqual([project.id, project.group, project.visibility], [ref.projectId, task, 'private']);
    assert.ok((await client.backend.listProjects()).some((p) => p.id === ref.projectId));
    const idle = await client.backend.getSession(ref);
    assert.deepEqual([idle.session.status, idle.workflows], ['idle', []]);

    let sent: string | undefined;
    const events = await collect(
      client.watch(ref, { fromSeq: 0, activeMs: 20, idleMs: 20 }),
      (got) => got.some((e) => e.type === 'session' && e.view.session.status === 'completed'),
      20_000,
      async (e) => {
        if (!sent && e.type === 'session') {
          sent = (await client.backend.sendMessage(ref, 'Build a small app')).workflowId;
        }
      },
    );
    const done = await client.backend.getSession(ref);
    assert.equal(done.workflows[0]?.id, sent, 'the workflow the send started');
    const total = done.session.messageCount;
    const history = [];
    for (let offset = 0; offset < total; offset += 3) {
      const page = await client.backend.getMessages(ref, { limit: 3, offset });
      assert.equal(page.total, total);
      history.push(...page.messages);
    }
    assert.deepEqual(
      history.map((m) => m.seq),
      Array.from({ length: total }, (_, index) => total - index),
      'newest first, seq 1 = the oldest',
    );
    assert.equal(history.at(-1)?.text, 'Build a small app');
    // everything the watch delivered, once and in order (what came after completed arrives later)
    const seen = delivered(events).map((m) => [m.seq, m.text]);
    assert.deepEqual(
      seen,
      [...history]
        .reverse()
        .slice(0, seen.length)
        .map((m) => [m.seq, m.text]),
      summary(events),
    );
  });
});

describe('wire: BiltClient over the local engine’s Session API (slow work)', () => {
  const t = useEngineGateway({ scenario: 'slow.json', speed: 1 });

  it('pause, resume and cancel as PATCH; delete refused while busy, done with force', async () => {
    const client = await t.connect();
    const ref = await t.create({ agent_id: 'EMULATOR', task_id: uniqueName('slow'), prompt: 'Slow build' });
    await until(async () => (await client.backend.getSession(ref)).session.status === 'running', 'running');
    assert.equal(await client.backend.pause!(ref), 'paused');
    const paused = await client.backend.getSession(ref);
    assert.deepEqual([paused.session.status, paused.workflows[0]?.pause], ['paused', null]);
    assert.equal(await client.backend.resume(ref), 'running');
    await rejectsWith(client.backend.deleteSession!(ref), 'conflict', { status: 409 });
    const cancelled = await client.backend.cancel(ref);
    assert.equal(cancelled.workflowId, paused.workflows[0]?.id);
    assert.equal((await client.backend.getSession(ref)).session.status, 'cancelled');
    const busy = await t.create({ agent_id: 'EMULATOR', task_id: uniqueName('busy'), prompt: 'Slow build' });
    await client.backend.deleteSession!(busy, { force: true });
    await rejectsWith(client.backend.getSession(busy), 'not_found', { status: 404 });
  });
});
