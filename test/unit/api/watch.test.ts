/** watchSession in poll mode over a fake backend, with sleeps the test releases one by one. */
import assert from 'node:assert/strict';
import { watchSession, type WatchEvent, type WatchOptions } from '../../../src/api/watch/watch';
import { BiltError } from '../../../src/core/errors';
import { FakeBackend, REF } from './fakeBackend';
import { ManualSleep, settle } from './fakes';

const ACTIVE = 10;
const IDLE = 1000;

function start(b: FakeBackend, o: WatchOptions = {}) {
  const s = new ManualSleep();
  const ctl = new AbortController();
  const events = watchSession(b, REF, { activeMs: ACTIVE, idleMs: IDLE, sleep: s.sleep, signal: ctl.signal, ...o })[
    Symbol.asyncIterator
  ]();
  /** The next event, bounded in time. */
  const next = async (): Promise<WatchEvent | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no event within 2 s')), 2000))),
    ]);
    clearTimeout(timer);
    return r.done ? undefined : r.value;
  };
  /** Lets the loop poll once more and waits until it sleeps again. */
  const poll = async () => {
    const n = s.requested.length;
    s.release();
    await s.requestedAtLeast(n + 1);
  };
  return { s, ctl, events, next, poll };
}

const statusOf = (e: WatchEvent | undefined) =>
  e?.type === 'session' ? e.view.session.status : `not a session event: ${JSON.stringify(e)}`;
const seqsOf = (e: WatchEvent | undefined) =>
  e?.type === 'messages' ? e.messages.map((m) => m.seq) : `not messages: ${JSON.stringify(e)}`;

describe('api/watch: watchSession (poll mode)', () => {
  it('first the session view, then only views that changed; fast while active (paused too), slow while idle', async () => {
    const b = new FakeBackend();
    const w = start(b);
    assert.equal(statusOf(await w.next()), 'idle');
    await w.s.requestedAtLeast(1);
    await w.poll(); // nothing changed: no event
    b.status = 'running';
    await w.poll();
    assert.equal(statusOf(await w.next()), 'running');
    b.status = 'paused';
    await w.poll();
    assert.equal(statusOf(await w.next()), 'paused');
    b.status = 'completed';
    await w.poll();
    assert.equal(statusOf(await w.next()), 'completed');
    await w.poll();
    assert.deepEqual(w.s.requested, [IDLE, IDLE, ACTIVE, ACTIVE, IDLE, IDLE]);
    w.ctl.abort();
    assert.equal(await w.next(), undefined, 'nothing else was emitted and the iteration ended');
  });

  it('a progress change is a change; the same view again is not', async () => {
    const b = new FakeBackend();
    b.status = 'running';
    let pct = 10;
    const orig = b.getSession.bind(b);
    b.getSession = async () => {
      const v = await orig();
      v.session.progress = v.workflows[0]!.progress = { percentage: pct };
      return v;
    };
    const w = start(b);
    assert.equal(statusOf(await w.next()), 'running');
    await w.s.requestedAtLeast(1);
    await w.poll();
    pct = 50;
    await w.poll();
    const e = await w.next();
    assert.ok(e?.type === 'session' && e.view.session.progress?.percentage === 50);
    w.ctl.abort();
  });

  it('new messages are delivered once and in order; by default only those from now on; no request when the count says nothing is new', async () => {
    const b = new FakeBackend();
    b.add(5);
    const w = start(b);
    assert.equal(statusOf(await w.next()), 'idle');
    await w.s.requestedAtLeast(1);
    assert.deepEqual(b.calls, [{ op: 'getSession' }], 'the count of 5 says where "now" is: no message request');
    b.add(3);
    await w.poll();
    assert.deepEqual(seqsOf(await w.next()), [6, 7, 8]);
    await w.poll();
    b.add(1);
    await w.poll();
    b.add(120);
    await w.poll();
    assert.deepEqual(seqsOf(await w.next()), [9]);
    assert.deepEqual(
      seqsOf(await w.next()),
      Array.from({ length: 120 }, (_, i) => 10 + i),
    );
    const reads = b.calls.filter((c) => c.op === 'getMessages');
    assert.deepEqual(reads, [
      { op: 'getMessages', limit: 3, offset: 0 },
      { op: 'getMessages', limit: 1, offset: 0 },
      { op: 'getMessages', limit: 100, offset: 0 },
      { op: 'getMessages', limit: 20, offset: 100 },
    ]);
    w.ctl.abort();
  });

  it('a server that does not count messages costs one limit-1 probe per poll', async () => {
    const b = new FakeBackend();
    b.countsMessages = false;
    b.add(4);
    const w = start(b);
    await w.next();
    await w.s.requestedAtLeast(1);
    await w.poll();
    b.add(2);
    await w.poll();
    assert.deepEqual(seqsOf(await w.next()), [5, 6]);
    assert.deepEqual(
      b.calls.filter((c) => c.op === 'getMessages'),
      [
        { op: 'getMessages', limit: 1, offset: undefined }, // where "now" is
        { op: 'getMessages', limit: 1, offset: 0 },
        { op: 'getMessages', limit: 1, offset: 0 },
        { op: 'getMessages', limit: 1, offset: 1 },
      ],
    );
    w.ctl.abort();
  });

  it('fromSeq: 0 delivers the whole history after the first view', async () => {
    const b = new FakeBackend();
    b.add(130);
    const w = start(b, { fromSeq: 0 });
    assert.equal(statusOf(await w.next()), 'idle');
    assert.deepEqual(
      seqsOf(await w.next()),
      Array.from({ length: 130 }, (_, i) => i + 1),
    );
    w.ctl.abort();
  });

  it('errors arrive as {type: error, retryInMs} with a growing, capped backoff, then it recovers', async () => {
    const b = new FakeBackend();
    b.status = 'running';
    const w = start(b, { maxBackoffMs: 50 });
    assert.equal(statusOf(await w.next()), 'running');
    await w.s.requestedAtLeast(1);
    const down = new BiltError('unavailable', 'Cannot reach the server');
    b.failures.push(down, new Error('socket hang up'), down, down);
    const errors = [];
    for (let i = 0; i < 4; i++) {
      await w.poll();
      const e = await w.next();
      assert.ok(e?.type === 'error', JSON.stringify(e));
      errors.push([e.error.code, e.retryInMs]);
    }
    assert.deepEqual(errors, [
      ['unavailable', 20],
      ['unavailable', 40],
      ['unavailable', 50],
      ['unavailable', 50],
    ]);
    b.add(2);
    b.status = 'completed';
    await w.poll();
    assert.equal(statusOf(await w.next()), 'completed');
    assert.deepEqual(w.s.requested, [ACTIVE, 20, 40, 50, 50, IDLE], 'back to the normal interval');
    w.ctl.abort();
  });

  it('breaking out of for await stops every further backend call', async () => {
    const b = new FakeBackend();
    b.status = 'running';
    const s = new ManualSleep();
    let seen = 0;
    for await (const e of watchSession(b, REF, { activeMs: ACTIVE, idleMs: IDLE, sleep: s.sleep })) {
      assert.equal(e.type, 'session');
      if (++seen === 1) {
        break;
      }
    }
    const calls = b.calls.length;
    await settle(20);
    assert.equal(b.calls.length, calls, 'no call after the break');
    assert.equal(s.count, 0, 'no sleep left pending');
  });

  it("the caller's signal stops it, even in the middle of a sleep", async () => {
    const b = new FakeBackend();
    const w = start(b);
    await w.next();
    await w.s.requestedAtLeast(1);
    const calls = b.calls.length;
    w.ctl.abort();
    assert.equal(await w.next(), undefined);
    await settle(20);
    assert.equal(b.calls.length, calls);
    const pre = watchSession(b, REF, { signal: AbortSignal.abort() })[Symbol.asyncIterator]();
    assert.deepEqual(await pre.next(), { value: undefined, done: true }, 'an aborted signal: nothing at all');
    assert.equal(b.calls.length, calls);
  });
});
