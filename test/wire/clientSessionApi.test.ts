/**
 * BiltClient over a Session API gateway (seed 003), on the wire: a stand-in gateway answering in the
 * shapes the open-source gateway's running code answers (test/support/standInGateway.ts). Connecting
 * (by kind and by detection), sessions as projects, the session view and its synthetic workflow, send,
 * PATCH status, delete, message paging and watching, errors, a gateway without message history, and
 * the token (sent, never logged). The local engine's own /api/sessions: clientSessionApiEngine.test.ts.
 */
import assert from 'node:assert/strict';
import type { SessionRef } from '../../src/api/backend';
import { BiltClient, type ClientOptions } from '../../src/api/client';
import { NO_HISTORY } from '../../src/api/contracts/sessionApiBackend';
import { RequestBudget } from '../../src/api/http/budget';
import { abortableSleep } from '../../src/api/http/sleep';
import type { WatchEvent } from '../../src/api/watch/watch';
import { startStandInGateway, type StandInGateway, type StandInOptions } from '../support/standInGateway';
import { until } from '../support/until';
import { collect, rejectsWith, summary } from './support/client';

const TOKEN = 'gw_secret_token_123';
const refOf = (id: string): SessionRef => ({ sessionId: id, projectId: id });
const delivered = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'messages' ? e.messages : []));

/** One stand-in gateway per describe, and the clients made on it (closed with it). */
function useGateway(options: StandInOptions = {}) {
  let gateway: StandInGateway | undefined;
  const clients: BiltClient[] = [];
  before(async () => {
    gateway = await startStandInGateway({ token: TOKEN, ...options });
  });
  after(async () => {
    for (const c of clients.splice(0)) {
      await c.close();
    }
    await gateway?.stop();
  });
  return {
    get gateway() {
      assert.ok(gateway, 'the gateway has started');
      return gateway;
    },
    async connect(extra: Partial<ClientOptions> = {}) {
      const client = await BiltClient.connect({ url: this.gateway.url, token: TOKEN, kind: 'session-api', ...extra });
      clients.push(client);
      return client;
    },
  };
}

describe('wire: BiltClient over a Session API gateway', () => {
  const t = useGateway();

  it("kind 'session-api': the gateway's backend, polling, its own budget, no MCP connection", async () => {
    const client = await t.connect({ url: `${t.gateway.url}/api/sessions` });
    assert.equal(client.backend.kind, 'session-api');
    const { missing, ...flags } = client.backend.capabilities;
    const offered = Object.entries(flags).flatMap(([name, on]) => (on ? [name] : []));
    assert.deepEqual([offered, missing], [['resume', 'pause', 'delete'], ['cannot answer questions']]);
    assert.equal(client.connection, undefined);
    assert.equal(client.eventsUrl, undefined);
    assert.ok(client.budget instanceof RequestBudget);
    assert.ok(t.gateway.requestsTo('GET /api/sessions').length > 0, 'the list proved it a gateway');
  });

  it('detection: a root URL tries MCP first (404), then finds the session list; …/api goes straight there', async () => {
    const before = t.gateway.requests.length;
    const detected = await t.connect({ kind: undefined });
    assert.equal(detected.backend.kind, 'session-api');
    const asked = t.gateway.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(asked.slice(0, 2), ['POST /', 'GET /api/sessions'], asked.join(', '));

    const direct = t.gateway.requests.length;
    const viaApi = await t.connect({ kind: undefined, url: `${t.gateway.url}/api/` });
    assert.equal(viaApi.backend.kind, 'session-api');
    assert.equal(t.gateway.requests.slice(direct)[0]?.path, '/api/sessions', 'no MCP attempt for an /api URL');
  });

  it("detection that finds neither names both attempts; kind 'bilt' never asks for sessions", async () => {
    await rejectsWith(
      BiltClient.connect({ url: `${t.gateway.url}/elsewhere`, token: TOKEN }),
      'protocol',
      { status: 404 },
      /No MCP endpoint at .*\/elsewhere, and no Session API at .*\/elsewhere\/api\/sessions: MCP: .*; GET .*: .*HTTP 404/,
    );
    const before = t.gateway.requestsTo('GET /api/sessions').length;
    await rejectsWith(BiltClient.connect({ url: t.gateway.url, token: TOKEN, kind: 'bilt' }), 'protocol', {
      status: 404,
    });
    assert.equal(t.gateway.requestsTo('GET /api/sessions').length, before);
  });

  it('sessions are projects: named by the prompt, described by agent and task, grouped by task', async () => {
    const client = await t.connect();
    const long = t.gateway.addSession({
      task_id: 'task-xyz',
      prompt: 'Build a landing page\nwith a pricing table, a signup form and a footer that links everywhere',
      session_data: { workdir: '/tmp/app' },
    });
    const bare = t.gateway.addSession({ agent_id: 'CODEX' });
    const projects = await client.backend.listProjects();
    const byId = new Map(projects.map((p) => [p.id, p]));
    assert.deepEqual(byId.get(long.id), {
      id: long.id,
      name: 'Build a landing page with a pricing table, a signup form and',
      description: 'agent CLAUDE_CODE · task task-xyz',
      visibility: 'private',
      createdAt: long.created_at,
      updatedAt: long.updated_at,
      group: 'task-xyz',
    });
    assert.deepEqual(
      [byId.get(bare.id)?.name, byId.get(bare.id)?.description, byId.get(bare.id)?.group],
      [bare.id, 'agent CODEX', undefined],
    );
    assert.deepEqual(await client.backend.getProject(long.id), byId.get(long.id));
  });

  it('a bare array for the list is read the same', async () => {
    const bare = await startStandInGateway({ list: 'bare' });
    try {
      const session = bare.addSession({ prompt: 'Hello' });
      const client = await BiltClient.connect({ url: bare.url });
      assert.deepEqual(
        (await client.backend.listProjects()).map((p) => [p.id, p.name]),
        [[session.id, 'Hello']],
      );
    } finally {
      await bare.stop();
    }
  });

  it('the session view and its synthetic workflow, for every status (an unknown one is idle)', async () => {
    const client = await t.connect();
    const s = t.gateway.addSession({ task_id: 'task-1', prompt: 'Ship it', session_data: { model: 'm1' } });
    const cases: Array<[string, string, string | undefined]> = [
      ['created', 'idle', undefined],
      ['active', 'running', 'running'],
      ['paused', 'paused', 'paused'],
      ['completed', 'completed', 'completed'],
      ['failed', 'failed', 'failed'],
      ['hibernating', 'idle', undefined],
    ];
    for (const [given, status, workflowStatus] of cases) {
      t.gateway.setStatus(s.id, given);
      const { session, workflows } = await client.backend.getSession({ projectId: s.id });
      assert.equal(session.status, status, given);
      assert.deepEqual(
        workflows.map((w) => [w.id, w.status, w.message, w.pause, w.projectId, w.sessionId]),
        workflowStatus ? [[s.id, workflowStatus, 'Ship it', null, s.id, s.id]] : [],
        given,
      );
      assert.equal(session.workflowId, workflowStatus ? s.id : null, given);
    }
    const { session } = await client.backend.getSession({ sessionId: s.id });
    assert.deepEqual(
      [
        session.id,
        session.projectId,
        session.agentId,
        session.taskId,
        session.prompt,
        session.data,
        session.messageCount,
      ],
      [s.id, s.id, 'CLAUDE_CODE', 'task-1', 'Ship it', { model: 'm1' }, 0],
    );
  });

  it('send posts the content; pause, resume and cancel PATCH the status; what the server has not is unsupported', async () => {
    const client = await t.connect();
    const s = t.gateway.addSession({ prompt: 'Start' });
    const sent = await client.backend.sendMessage(refOf(s.id), 'Please continue');
    assert.deepEqual(sent, {
      sessionId: s.id,
      workflowId: s.id,
      workflow: undefined,
      status: 'running',
      timedOut: false,
    });
    assert.deepEqual(t.gateway.requestsTo(`POST /api/sessions/${s.id}/message`).at(-1)?.body, {
      content: 'Please continue',
    });
    assert.equal(await client.backend.pause!(refOf(s.id)), 'paused');
    assert.equal(await client.backend.resume(refOf(s.id)), 'running');
    const cancelled = await client.backend.cancel(refOf(s.id), 'not needed');
    assert.deepEqual(cancelled, { workflowId: s.id, cancelledAt: t.gateway.sessions.get(s.id)!.updated_at });
    assert.deepEqual(
      t.gateway.requestsTo(`PATCH /api/sessions/${s.id}`).map((r) => r.body),
      [{ status: 'paused' }, { status: 'active' }, { status: 'failed' }],
    );
    assert.equal((await client.backend.getSession(refOf(s.id))).session.status, 'failed');
    await rejectsWith(client.backend.answer(refOf(s.id), s.id, []), 'unsupported', {}, /cannot answer questions/);
    await rejectsWith(client.backend.createProject({ name: 'x' }), 'unsupported', {}, /cannot create projects/);
  });

  it('delete, with and without force; the session is gone', async () => {
    const client = await t.connect();
    const plain = t.gateway.addSession();
    const running = t.gateway.addSession({ status: 'active' });
    await client.backend.deleteSession!(refOf(plain.id));
    await client.backend.deleteSession!(refOf(running.id), { force: true });
    assert.deepEqual(t.gateway.requestsTo(`DELETE /api/sessions/${plain.id}`)[0]?.query, {});
    assert.deepEqual(t.gateway.requestsTo(`DELETE /api/sessions/${running.id}`)[0]?.query, { force: 'true' });
    await rejectsWith(client.backend.getSession(refOf(plain.id)), 'not_found', { status: 404 }, /Session not found/);
    await rejectsWith(client.backend.deleteSession!(refOf(plain.id)), 'not_found');
  });

  it('messages: the whole history, paged newest first, seq 1 = the oldest', async () => {
    const client = await t.connect();
    const s = t.gateway.addSession();
    for (let n = 1; n <= 7; n++) {
      t.gateway.pushMessage(s.id, n % 2 ? 'user' : 'assistant', `message ${n}`);
    }
    const pages = [];
    for (let offset = 0; offset < 9; offset += 3) {
      pages.push(await client.backend.getMessages(refOf(s.id), { limit: 3, offset }));
    }
    assert.deepEqual(
      pages.map((p) => [p.messages.map((m) => m.seq), p.total, p.hasMore]),
      [
        [[7, 6, 5], 7, true],
        [[4, 3, 2], 7, true],
        [[1], 7, false],
      ],
    );
    const [newest] = pages[0]!.messages;
    assert.deepEqual(
      [newest?.id, newest?.text, newest?.side, newest?.sessionId, pages[2]!.messages[0]?.side],
      [`msg-${s.id}-7`, 'message 7', 'user', s.id, 'user'],
    );
    assert.equal(pages[1]!.messages[0]!.side, 'ai', 'assistant → ai');
  });

  it('client.watch() polls: status changes, and every new message once, in order', async () => {
    const client = await t.connect();
    const s = t.gateway.addSession({ status: 'active', prompt: 'Watch me' });
    t.gateway.pushMessage(s.id, 'user', 'before 1');
    t.gateway.pushMessage(s.id, 'assistant', 'before 2');
    let polls = 0;
    const sleep = (_ms: number, signal: AbortSignal) => (polls++, abortableSleep(5, signal));
    let phase = 0;
    const events = await collect(
      client.watch(refOf(s.id), { sleep }),
      (got) => delivered(got).some((m) => m.text === 'last'),
      8000,
      async (e) => {
        if (phase === 0 && e.type === 'session') {
          phase = 1;
          await until(() => polls >= 1, 'the first poll to learn where now is');
          for (const text of ['one', 'two', 'three']) {
            t.gateway.pushMessage(s.id, 'assistant', text);
          }
          t.gateway.setStatus(s.id, 'completed');
        } else if (phase === 1 && e.type === 'messages') {
          phase = 2;
          const seen = polls;
          await until(() => polls >= seen + 3, 'three more polls with nothing new');
          t.gateway.pushMessage(s.id, 'assistant', 'last');
        }
      },
    );
    assert.deepEqual(
      delivered(events).map((m) => [m.seq, m.text]),
      [
        [3, 'one'],
        [4, 'two'],
        [5, 'three'],
        [6, 'last'],
      ],
      summary(events),
    );
    const statuses = events.flatMap((e) => (e.type === 'session' ? [e.view.session.status] : []));
    assert.deepEqual(statuses, ['running', 'completed'], summary(events));
  });

  it('errors: statuses and bodies become BiltErrors with the right codes and details', async () => {
    const client = await t.connect({
      resilience: { maxRetries: 0 },
      budget: new RequestBudget({ perMinute: Infinity }),
    });
    const s = t.gateway.addSession();
    const ref = refOf(s.id);
    await rejectsWith(
      client.backend.getSession(refOf('nope')),
      'not_found',
      { status: 404 },
      /Session not found: nope/,
    );
    t.gateway.failNext(400, {
      error: 'Invalid request body',
      code: 'invalid_input',
      details: { field: 'content', limit: 5000, message: 'content must be at most 5000 characters' },
    });
    await rejectsWith(client.backend.sendMessage(ref, 'x'), 'invalid_input', { field: 'content', limit: 5000 });
    t.gateway.failNext(400, { error: 'agent_id is required' });
    await rejectsWith(client.backend.resume(ref), 'invalid_input', { status: 400 }, /agent_id is required/);
    t.gateway.failNext(409, { error: 'Cannot resume workflow', code: 'illegal_state', details: {} });
    await rejectsWith(client.backend.resume(ref), 'illegal_state', { status: 409 });
    t.gateway.failNext(409, { error: 'A workflow is already in progress' });
    await rejectsWith(client.backend.sendMessage(ref, 'x'), 'conflict', { status: 409 });
    t.gateway.failNext(413, { error: 'Body too large' });
    await rejectsWith(client.backend.sendMessage(ref, 'x'), 'invalid_input', { status: 413 });
    t.gateway.failNext(403, { error: 'Not yours' });
    await rejectsWith(client.backend.getSession(ref), 'forbidden', { status: 403 });
    t.gateway.failNext(429, { error: 'Slow down' }, { 'retry-after': '120' });
    await rejectsWith(client.backend.getSession(ref), 'rate_limited', { retry_after: 120 }, /retry in 120 s/);
    t.gateway.failNext(500, { error: 'Failed to read messages' });
    await rejectsWith(client.backend.getMessages(ref, {}), 'internal', { status: 500 }, /Failed to read messages/);
    t.gateway.failNext(503, { error: 'Down for maintenance' });
    await rejectsWith(client.backend.listProjects(), 'unavailable', { status: 503 });
    await rejectsWith(BiltClient.connect({ url: t.gateway.url, token: 'wrong', kind: 'session-api' }), 'unauthorized', {
      status: 401,
    });
    await rejectsWith(BiltClient.connect({ url: t.gateway.url, token: 'wrong' }), 'unauthorized');
  });

  it('the token goes in every request and never into the log', async () => {
    const lines: string[] = [];
    const client = await t.connect({ log: (line) => lines.push(line), resilience: { baseDelayMs: 1 } });
    const s = t.gateway.addSession();
    const from = t.gateway.requests.length;
    t.gateway.failNext(503, { error: 'busy' });
    await client.backend.getSession(refOf(s.id));
    t.gateway.failNext(404, { error: 'Session not found: x' });
    await assert.rejects(client.backend.getSession(refOf('x')));
    await client.backend.sendMessage(refOf(s.id), 'hello');
    const sent = t.gateway.requests.slice(from);
    assert.ok(sent.length >= 4);
    assert.ok(
      sent.every((r) => r.authorization === `Bearer ${TOKEN}`),
      sent.map((r) => r.authorization).join(),
    );
    assert.ok(lines.length >= 2, `something was logged: ${lines.join(' | ')}`);
    assert.ok(!lines.some((l) => l.includes(TOKEN)), lines.join(' | '));
  });
});

describe('wire: a Session API gateway without message history', () => {
  const t = useGateway({ messages: false });

  it("says 'no message history' (found at connect when it has a session) and reads an empty history", async () => {
    const s = t.gateway.addSession({ status: 'active' });
    t.gateway.pushMessage(s.id, 'user', 'hidden');
    const client = await t.connect();
    assert.ok(client.backend.capabilities.missing.includes(NO_HISTORY), client.backend.capabilities.missing.join());
    assert.deepEqual(await client.backend.getMessages(refOf(s.id), { limit: 10 }), {
      messages: [],
      total: 0,
      hasMore: false,
    });
  });

  it('found on the first read when there was no session to look at', async () => {
    const empty = await startStandInGateway({ messages: false });
    try {
      const client = await BiltClient.connect({ url: empty.url, kind: 'session-api' });
      assert.ok(!client.backend.capabilities.missing.includes(NO_HISTORY));
      const s = empty.addSession();
      await rejectsWith(client.backend.getMessages(refOf('gone'), {}), 'not_found');
      assert.ok(!client.backend.capabilities.missing.includes(NO_HISTORY), 'an unknown session is just not found');
      assert.equal((await client.backend.getMessages(refOf(s.id), {})).total, 0);
      assert.ok(client.backend.capabilities.missing.includes(NO_HISTORY));
    } finally {
      await empty.stop();
    }
  });
});
