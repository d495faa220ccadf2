/** The resilient fetch over a scripted inner fetch, on a fake clock: what is retried, after how long, and what is not. */
import assert from 'node:assert/strict';
import { RequestBudget } from '../../../src/api/http/budget';
import { resilientFetch, type ResilienceOptions } from '../../../src/api/http/resilientFetch';
import { FakeClock, ManualSleep, netError, post, rpc, scriptedFetch, status, toolCall, type Step } from './fakes';

const URL_ = 'http://127.0.0.1:9/mcp';
const READ = toolCall('bilt_get_session', { session_id: 's' });
const SEND = toolCall('bilt_send_message', { session_id: 's', message: 'hi' });

function setup(steps: Step[], o: Partial<ResilienceOptions> = {}) {
  const clock = new FakeClock();
  const budget = new RequestBudget({ perMinute: 6000, burst: 100, now: clock.now, sleep: clock.sleep });
  const inner = scriptedFetch(steps);
  const fetch = resilientFetch(inner, { budget, now: clock.now, sleep: clock.sleep, random: () => 1, ...o });
  return { clock, budget, inner, fetch, steps };
}

describe('api/http/resilientFetch', () => {
  it('429 with Retry-After: retried after exactly that delay, pausing the shared budget meanwhile', async () => {
    const t = setup([status(429, { 'retry-after': '3' }), status(200)]);
    const t0 = t.clock.t;
    const seen: Array<number | undefined> = [];
    t.clock.onSleep = () => seen.push(t.budget.pausedUntilTime);
    const res = await t.fetch(URL_, post(SEND));
    assert.equal(res.status, 200);
    assert.equal(t.inner.calls.length, 2, 'a refused send is sent again (nothing was done)');
    assert.deepEqual(t.clock.sleeps, [3000]);
    assert.deepEqual(seen, [t0 + 3000], 'every user of the budget waits with it');
    assert.equal(t.inner.calls[1]!.init?.body, SEND, 'the same body again');
  });

  it('429 with X-RateLimit-Reset (Unix seconds) waits until the reset', async () => {
    const t = setup([]);
    t.clock.t += 400; // not on a whole second
    const reset = Math.ceil(t.clock.t / 1000) + 10;
    t.steps.push(status(429, { 'x-ratelimit-reset': String(reset), 'x-ratelimit-remaining': '0' }), status(200));
    assert.equal((await t.fetch(URL_, post(READ))).status, 200);
    assert.deepEqual(t.clock.sleeps, [10_600], 'until the reset second, not 10 s from now');
  });

  it('429 without advice backs off with jitter and still pauses the budget', async () => {
    const t = setup([status(429), status(429), status(200)], { baseDelayMs: 100, random: () => 0 });
    const paused: Array<number | undefined> = [];
    t.clock.onSleep = (ms) => paused.push((t.budget.pausedUntilTime ?? 0) - t.clock.t - ms);
    assert.equal((await t.fetch(URL_, post(READ))).status, 200);
    assert.deepEqual(t.clock.sleeps, [50, 100]);
    assert.deepEqual(paused, [0, 0], 'the budget is paused for the whole backoff');
  });

  it('503 is retried for any call, with backoff', async () => {
    const t = setup([status(503), status(503), status(200)], { baseDelayMs: 100 });
    assert.equal((await t.fetch(URL_, post(SEND))).status, 200);
    assert.equal(t.inner.calls.length, 3);
    assert.deepEqual(t.clock.sleeps, [100, 200]);
    assert.equal(t.budget.pausedUntilTime, undefined, 'only a 429 pauses the budget');
  });

  it('500 is retried for a read but not for bilt_send_message', async () => {
    const read = setup([status(500), status(200)]);
    assert.equal((await read.fetch(URL_, post(READ))).status, 200);
    assert.equal(read.inner.calls.length, 2);
    const send = setup([status(500), status(200)]);
    assert.equal((await send.fetch(URL_, post(SEND))).status, 500, 'the 500 reaches the caller');
    assert.equal(send.inner.calls.length, 1);
    assert.deepEqual(send.clock.sleeps, []);
  });

  it('502/504 likewise; a GET without a body counts as a read; 4xx are never retried', async () => {
    const get = setup([status(502), status(504), status(200)]);
    assert.equal((await get.fetch(URL_)).status, 200);
    for (const code of [400, 401, 404]) {
      const t = setup([status(code), status(200)]);
      assert.equal((await t.fetch(URL_, post(READ))).status, code);
      assert.equal(t.inner.calls.length, 1);
    }
  });

  it('ECONNREFUSED is retried even for a send (it never left)', async () => {
    const t = setup([netError('ECONNREFUSED'), netError('ECONNREFUSED'), status(200)], { baseDelayMs: 100 });
    assert.equal((await t.fetch(URL_, post(SEND))).status, 200);
    assert.equal(t.inner.calls.length, 3);
    assert.deepEqual(t.clock.sleeps, [100, 200]);
  });

  it('a mid-way failure (fetch failed, ECONNRESET) is not retried for a send but is for a read', async () => {
    for (const err of [netError('ECONNRESET'), new TypeError('fetch failed')]) {
      const send = setup([err, status(200)]);
      await assert.rejects(send.fetch(URL_, post(SEND)), (e) => e === err);
      assert.equal(send.inner.calls.length, 1);
      const read = setup([err, status(200)]);
      assert.equal((await read.fetch(URL_, post(READ))).status, 200);
      assert.equal(read.inner.calls.length, 2);
    }
  });

  it('a Retry-After longer than maxServerWaitMs returns the 429 at once', async () => {
    const t = setup([status(429, { 'retry-after': '120' }), status(200)], { maxServerWaitMs: 60_000 });
    const res = await t.fetch(URL_, post(READ));
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '120', 'the caller can still read the advice');
    assert.equal(t.inner.calls.length, 1);
    assert.deepEqual(t.clock.sleeps, []);
  });

  it('maxRetries: gives up after that many retries with the last answer (or error)', async () => {
    const t = setup([status(503), status(503), status(503), status(200)], { maxRetries: 2, baseDelayMs: 10 });
    assert.equal((await t.fetch(URL_, post(READ))).status, 503);
    assert.equal(t.inner.calls.length, 3);
    const refused = netError('ECONNREFUSED');
    const n = setup([refused, refused, refused], { maxRetries: 2, baseDelayMs: 10 });
    await assert.rejects(n.fetch(URL_, post(READ)), (e) => e === refused);
    assert.equal(n.inner.calls.length, 3);
    const none = setup([status(503), status(200)], { maxRetries: 0 });
    assert.equal((await none.fetch(URL_, post(READ))).status, 503);
  });

  it('every attempt draws from the budget', async () => {
    const clock = new FakeClock();
    const budget = new RequestBudget({ perMinute: 60, burst: 1, now: clock.now, sleep: clock.sleep });
    const inner = scriptedFetch([status(503), status(200)]);
    const fetch = resilientFetch(inner, {
      budget,
      now: clock.now,
      sleep: clock.sleep,
      random: () => 1,
      baseDelayMs: 200,
    });
    assert.equal((await fetch(URL_, post(READ))).status, 200);
    assert.deepEqual(clock.sleeps, [200, 800], 'the backoff, then the rest of the token interval');
  });

  it('a request whose cancellation (notifications/cancelled) passes while it waits is dropped, not sent late', async () => {
    const s = new ManualSleep();
    const clock = new FakeClock();
    const budget = new RequestBudget({ perMinute: 6000, burst: 100, now: clock.now, sleep: clock.sleep });
    const inner = scriptedFetch([
      status(429, { 'retry-after': '30' }),
      status(429, { 'retry-after': '1' }),
      status(202),
      status(200),
    ]);
    const fetch = resilientFetch(inner, { budget, now: clock.now, sleep: s.sleep });
    const send = fetch(URL_, post(rpc('tools/call', { name: 'bilt_send_message', arguments: {} }, 7)));
    await s.requestedAtLeast(1);
    const other = fetch(URL_, post(rpc('tools/call', { name: 'bilt_get_session', arguments: {} }, 8)));
    await s.requestedAtLeast(2);
    assert.equal(
      (
        await fetch(
          URL_,
          post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7 } })),
        )
      ).status,
      202,
    );
    await assert.rejects(send, { name: 'AbortError' });
    s.release(); // the other request's wait: untouched by a cancellation of another id
    assert.equal((await other).status, 200);
    assert.deepEqual(
      inner.calls.map((c) => JSON.parse(String(c.init?.body)).id ?? 'notification'),
      [7, 8, 'notification', 8],
      'the cancelled send went out once, never again',
    );
  });

  it("the caller's AbortSignal stops a Retry-After wait and a backoff (real sleep)", async () => {
    for (const first of [status(429, { 'retry-after': '30' }), netError('ECONNREFUSED')]) {
      const ctl = new AbortController();
      const clock = new FakeClock();
      const budget = new RequestBudget({ perMinute: 6000, now: clock.now, sleep: clock.sleep });
      const inner = scriptedFetch([
        () => {
          setImmediate(() => ctl.abort());
          if (first instanceof Error) {
            throw first;
          }
          return first;
        },
        status(200),
      ]);
      const started = Date.now();
      const fetch = resilientFetch(inner, { budget, baseDelayMs: 30_000 });
      await assert.rejects(fetch(URL_, post(READ, ctl.signal)), { name: 'AbortError' });
      assert.ok(Date.now() - started < 2000, 'stopped waiting at once');
      assert.equal(inner.calls.length, 1, 'nothing was sent again');
    }
  });
});
