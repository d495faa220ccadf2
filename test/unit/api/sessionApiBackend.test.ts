/**
 * SessionApiBackend over a fake fetch: the watch's catch-up over the engine's cursor form (requests grow
 * with what is new, never with the history), and endpoints a gateway lacks (405) noted in capabilities.
 */
import assert from 'node:assert/strict';
import { NO_HISTORY, NO_SENDING, SessionApiBackend } from '../../../src/api/contracts/sessionApiBackend';
import { RequestBudget } from '../../../src/api/http/budget';
import type { FetchLike } from '../../../src/api/http/resilientFetch';
import { RestConnection } from '../../../src/api/http/restConnection';
import { fetchNewMessages } from '../../../src/api/watch/catchUp';
import { isBiltError } from '../../../src/core/errors';

const REF = { sessionId: 's1', projectId: 's1' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The engine's Session API for one session with `count` messages; `lacking` paths answer 405. */
function fakeEngine(count: number, lacking: string[] = []) {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    const u = new URL(String(url));
    const method = init?.method ?? 'GET';
    asked.push(`${method} ${u.pathname}${u.search}`);
    if (lacking.includes(`${method} ${u.pathname}`)) {
      return json(405, { error: 'Method Not Allowed' });
    }
    if (u.pathname === '/api/sessions/s1/messages') {
      const after = Number(u.searchParams.get('after') ?? 0);
      const limit = Number(u.searchParams.get('limit') ?? 100);
      const seqs = Array.from({ length: Math.max(0, Math.min(limit, count - after)) }, (_, index) => after + index + 1);
      const messages = seqs.map((seq) => ({
        id: `m${seq}`,
        role: 'assistant',
        content: `#${seq}`,
        timestamp: 'T',
        seq,
        variant: 'info',
        workflow_id: 'wf',
      }));
      return json(200, {
        messages,
        next_cursor: seqs.at(-1) ?? null,
        has_more: after + seqs.length < count,
        total: count,
      });
    }
    if (u.pathname === '/api/sessions/s1') {
      return json(200, { id: 's1', agent_id: 'EMULATOR', status: 'active', message_count: count });
    }
    return json(404, { error: 'Not found', code: 'not_found', details: {} });
  };
  const backend = new SessionApiBackend(
    new RestConnection({
      root: new URL('http://127.0.0.1:9'),
      fetch,
      budget: new RequestBudget({ perMinute: Infinity }),
    }),
  );
  return { backend, asked, grow: (more: number) => (count += more) };
}

describe('api/contracts/sessionApiBackend', () => {
  it('catch-up over the cursor: 10,000 messages and 3 new ones cost one small request', async () => {
    const engine = fakeEngine(10_000);
    await engine.backend.getMessages(REF, { limit: 1 }); // the watch learns where now is
    engine.grow(3);
    // each poll reads the session first: its message_count is where the next page is looked for
    assert.equal((await engine.backend.getSession(REF)).session.messageCount, 10_003);
    engine.asked.length = 0;
    const r = await fetchNewMessages(engine.backend, REF, 10_000, 10_003);
    assert.deepEqual(
      r.messages.map((m) => [m.seq, m.text, m.workflowId]),
      [
        [10_001, '#10001', 'wf'],
        [10_002, '#10002', 'wf'],
        [10_003, '#10003', 'wf'],
      ],
    );
    assert.deepEqual(engine.asked, [`GET /api/sessions/s1/messages?after=10000&limit=3`]);
  });

  it('catch-up of 250 new ones: pages of at most 100, oldest first, nothing repeated or skipped', async () => {
    const engine = fakeEngine(1000);
    await engine.backend.getMessages(REF, { limit: 1 });
    engine.grow(250);
    const r = await fetchNewMessages(engine.backend, REF, 1000, 1250);
    assert.deepEqual(
      r.messages.map((m) => m.seq),
      Array.from({ length: 250 }, (_, index) => 1001 + index),
    );
  });

  it('a gateway answering 405 for messages has no history; for send it cannot take messages', async () => {
    const engine = fakeEngine(5, ['GET /api/sessions/s1/messages', 'POST /api/sessions/s1/message']);
    assert.deepEqual(await engine.backend.getMessages(REF, {}), { messages: [], total: 0, hasMore: false });
    let caught: unknown;
    await engine.backend.sendMessage(REF, 'hi').catch((e: unknown) => (caught = e));
    assert.ok(isBiltError(caught) && caught.code === 'unsupported', String(caught));
    assert.match(caught.message, /cannot take messages/);
    assert.deepEqual(engine.backend.capabilities.missing, ['cannot answer questions', NO_HISTORY, NO_SENDING]);
    const asked = engine.asked.length;
    await engine.backend.getMessages(REF, {});
    assert.equal(engine.asked.length, asked, 'not asked again');
  });
});
