/** The shared request budget: a token bucket on a fake clock, a server-imposed pause, one budget per origin. */
import assert from 'node:assert/strict';
import { budgetFor, defaultPerMinute, RequestBudget } from '../../../src/api/http/budget';
import { FakeClock, ManualSleep, settle } from './fakes';

describe('api/http/budget: RequestBudget', () => {
  it('lets a burst go at once, then one request per 60000/perMinute ms', async () => {
    const c = new FakeClock();
    const b = new RequestBudget({ perMinute: 60, burst: 3, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 3; i++) {
      await b.acquire();
    }
    assert.deepEqual(c.sleeps, [], 'the burst did not wait');
    await b.acquire();
    await b.acquire();
    assert.deepEqual(c.sleeps, [1000, 1000], 'then one token per second');
  });

  it('refills at the rate but never beyond the burst', async () => {
    const c = new FakeClock();
    const b = new RequestBudget({ perMinute: 120, burst: 2, now: c.now, sleep: c.sleep });
    await b.acquire();
    await b.acquire();
    assert.equal(b.delay(), 500);
    c.t += 250;
    assert.equal(b.delay(), 250, 'half a token refilled in 250 ms');
    c.t += 60_000; // a long quiet period
    await b.acquire();
    await b.acquire();
    assert.deepEqual(c.sleeps, []);
    assert.equal(b.delay(), 500, 'only `burst` tokens had accumulated');
  });

  it('defaults the burst to perMinute/6, between 1 and 10', async () => {
    for (const [perMinute, burst] of [
      [6, 1],
      [3, 1],
      [30, 5],
      [1200, 10],
    ] as const) {
      const c = new FakeClock();
      const b = new RequestBudget({ perMinute, now: c.now, sleep: c.sleep });
      for (let i = 0; i < burst; i++) {
        await b.acquire();
      }
      assert.deepEqual(c.sleeps, [], `perMinute ${perMinute}: ${burst} at once`);
      assert.ok(b.delay() > 0, `perMinute ${perMinute}: the ${burst + 1}th waits`);
    }
  });

  it('acquire waits exactly what delay() says, and an abort rejects the wait without taking a token', async () => {
    const c = new FakeClock();
    const s = new ManualSleep();
    const b = new RequestBudget({ perMinute: 60, burst: 1, now: c.now, sleep: s.sleep });
    await b.acquire();
    const ctl = new AbortController();
    const waiting = b.acquire(ctl.signal);
    assert.deepEqual(await s.requestedAtLeast(1), [1000]);
    ctl.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    c.t += 1000;
    assert.equal(b.delay(), 0, 'the aborted wait took no token');
  });

  it('an already aborted signal rejects while the budget is empty', async () => {
    const c = new FakeClock();
    const b = new RequestBudget({ perMinute: 60, burst: 1, now: c.now, sleep: c.sleep });
    await b.acquire();
    await assert.rejects(b.acquire(AbortSignal.abort()), { name: 'AbortError' });
  });

  it('pauseUntil blocks every user until the time, whatever tokens are left', async () => {
    const c = new FakeClock();
    const s = new ManualSleep();
    const b = new RequestBudget({ perMinute: 600, burst: 10, now: c.now, sleep: s.sleep });
    b.pauseUntil(c.t + 5000);
    b.pauseUntil(c.t + 2000); // an earlier time never shortens the pause
    assert.equal(b.pausedUntilTime, c.t + 5000);
    let done = 0;
    const users = [b.acquire(), b.acquire(), b.acquire()].map((p) => p.then(() => done++));
    assert.deepEqual(await s.requestedAtLeast(3), [5000, 5000, 5000]);
    await settle();
    assert.equal(done, 0, 'nobody went during the pause');
    c.t += 5000;
    for (let i = 0; i < 3; i++) {
      s.release();
    }
    await Promise.all(users);
    assert.equal(done, 3);
    assert.equal(b.pausedUntilTime, undefined);
  });
});

describe('api/http/budget: budgetFor', () => {
  it('shares one budget per origin (scheme, host and port), whatever the path', () => {
    const a = budgetFor(new URL('http://127.0.0.1:43111/mcp'));
    assert.equal(budgetFor(new URL('http://127.0.0.1:43111/live/mcp')), a);
    assert.notEqual(budgetFor(new URL('http://127.0.0.1:43112/mcp')), a);
    assert.notEqual(
      budgetFor(new URL('https://budget-test.example/mcp')),
      budgetFor(new URL('http://budget-test.example/mcp')),
    );
  });

  it('remote servers get well under the documented 100/minute; a loopback engine is not throttled', () => {
    assert.equal(defaultPerMinute(new URL('https://mcp.bilt.me/mcp')), 60);
    assert.equal(budgetFor(new URL('https://rate-test.example/mcp')).options.perMinute, 60);
    for (const url of ['http://127.0.0.1:1/mcp', 'http://localhost:1/mcp', 'http://[::1]:1/mcp']) {
      assert.ok(defaultPerMinute(new URL(url)) >= 1200, url);
    }
  });

  it('an unlimited budget never waits except for a server pause', async () => {
    const c = new FakeClock();
    const b = new RequestBudget({ perMinute: Infinity, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 20; i++) {
      await b.acquire();
    }
    assert.deepEqual(c.sleeps, []);
    b.pauseUntil(c.t + 1500);
    await b.acquire();
    assert.deepEqual(c.sleeps, [1500]);
  });
});
