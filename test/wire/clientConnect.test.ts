/** BiltClient.connect against what is not a working Bilt server (wrong token, nothing listening, another MCP server), and under rate limits. */
import assert from 'node:assert/strict';
import { BiltClient } from '../../src/api/client';
import { RequestBudget } from '../../src/api/http/budget';
import type { FetchLike } from '../../src/api/http/resilientFetch';
import { until } from '../support/until';
import { closedPort, CONTRACTS, newRef, rejectsWith, startForeignServer, useClientEngine } from './support/client';

describe('wire: BiltClient.connect refusals', () => {
  const e = useClientEngine({ scenario: 'quick.json' });

  for (const c of CONTRACTS) {
    it(`${c.name}: a wrong token is unauthorized`, async () => {
      await rejectsWith(
        BiltClient.connect({ url: c.url(e.engine.ready), token: 'bilt_local_wrong' }),
        'unauthorized',
        { status: 401 },
        /Invalid or expired API key: Sign in again/,
      );
      await rejectsWith(BiltClient.connect({ url: c.url(e.engine.ready) }), 'unauthorized');
    });
  }

  it('a closed loopback port is unavailable (after the retries a refused connection gets)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/mcp`;
    const logs: string[] = [];
    await rejectsWith(
      BiltClient.connect({ url, token: 't', log: (l) => logs.push(l), resilience: { baseDelayMs: 20 } }),
      'unavailable',
      { message: 'ECONNREFUSED' },
      /Cannot reach/,
    );
    assert.equal(logs.length, 4, `retried 4 times: ${logs.join(' | ')}`);
  });

  it('an MCP server that is not Bilt is unsupported, naming its tools', async () => {
    const foreign = await startForeignServer();
    await rejectsWith(
      BiltClient.connect({ url: foreign.url, token: 't' }),
      'unsupported',
      {},
      /is not a Bilt-compatible MCP server: it has no bilt_send_message tool \(tools: get_weather\)/,
    );
    // the server closes only once the client has let go of its connection (the SDK keeps a GET stream open)
    const closed = await Promise.race([
      foreign.close().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 3000).unref()),
    ]);
    assert.ok(closed, 'the client closed its connection to the foreign server');
  });

  it('a path without MCP is a protocol error; the retired SSE endpoint is unsupported', async () => {
    const { url, token } = e.engine.ready;
    await rejectsWith(
      BiltClient.connect({ url: `${url}/nothing-here`, token }),
      'protocol',
      { status: 404 },
      /No MCP endpoint/,
    );
    await rejectsWith(
      BiltClient.connect({ url: `${url}/mcp/sse`, token }),
      'unsupported',
      { status: 410 },
      /retired endpoint/,
    );
  });
});

describe('wire: BiltClient under rate limits', () => {
  const limited = useClientEngine({ scenario: 'quick.json', flags: ['--rate-limit', '5'] });
  const open = useClientEngine({ scenario: 'quick.json' });

  it('--rate-limit 5: past the limit a call is rate_limited with retry_after when the wait is too long to ride out', async () => {
    const seen: number[] = [];
    const fetch: FetchLike = async (url, init) => {
      const res = await globalThis.fetch(url, init);
      seen.push(res.status);
      return res;
    };
    const client = await limited.connect(CONTRACTS[0]!, {
      fetch,
      budget: new RequestBudget({ perMinute: Infinity }),
      resilience: { maxServerWaitMs: 2000 },
    });
    const started = Date.now();
    let err;
    for (let i = 0; i < 5 && !err; i++) {
      err = await client.backend.listProjects().then(
        () => undefined,
        (x: unknown) => x,
      );
    }
    const e = await rejectsWith(
      Promise.reject(err),
      'rate_limited',
      { status: 429 },
      /Rate limit exceeded: Too many requests; retry in \d+ s/,
    );
    assert.ok(e.retryAfterSeconds! >= 1 && e.retryAfterSeconds! <= 61, `retry_after ${e.retryAfterSeconds}`);
    assert.equal(seen.at(-1), 429);
    assert.ok(Date.now() - started < 2000, 'returned at once instead of sleeping through a minute');
  });

  it('a 429 that asks for a short wait is ridden out: the call succeeds after Retry-After, the budget paused meanwhile', async () => {
    const budget = new RequestBudget({ perMinute: Infinity });
    const pauses: number[] = [];
    const pauseUntil = budget.pauseUntil.bind(budget);
    budget.pauseUntil = (t) => (pauses.push(t - Date.now()), pauseUntil(t));
    let refusals = 1;
    const posts: number[] = [];
    const paused: Array<number | undefined> = [];
    const fetch: FetchLike = async (url, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (body.includes('bilt_list_projects')) {
        posts.push(Date.now() - started);
        if (refusals-- > 0) {
          return new Response(JSON.stringify({ error: 'Rate limit exceeded', details: { retry_after: 1 } }), {
            status: 429,
            headers: { 'retry-after': '1', 'content-type': 'application/json' },
          });
        }
        paused.push(budget.pausedUntilTime);
      }
      return globalThis.fetch(url, init);
    };
    const client = await open.connect(CONTRACTS[1]!, { fetch, budget });
    const started = Date.now();
    const projects = await client.backend.listProjects();
    const took = Date.now() - started;
    assert.ok(Array.isArray(projects));
    assert.equal(posts.length, 2, 'sent twice');
    assert.ok(
      posts[1]! >= 1000 && took < 3000,
      `waited the second Retry-After asked for: retried at ${posts[1]} ms, done in ${took} ms`,
    );
    assert.equal(pauses.length, 1);
    assert.ok(
      pauses[0]! > 900 && pauses[0]! <= 1000,
      `every user of the budget paused for the second (${pauses[0]} ms)`,
    );
    assert.deepEqual(paused, [undefined], 'the pause was over when the retry went');
  });

  it('a send cancelled while it waits out a 429 is never sent', async () => {
    const sends: number[] = [];
    let cancellations = 0;
    const ctl = new AbortController();
    const fetch: FetchLike = async (url, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (body.includes('notifications/cancelled')) {
        cancellations++;
      }
      if (body.includes('bilt_send_message') && sends.push(1) === 1) {
        setImmediate(() => ctl.abort()); // the user gives up while the client waits
        return new Response('{}', { status: 429, headers: { 'retry-after': '1' } });
      }
      return globalThis.fetch(url, init);
    };
    const client = await open.connect(CONTRACTS[0]!, { fetch, budget: new RequestBudget({ perMinute: Infinity }) });
    const ref = await newRef(client);
    await assert.rejects(client.backend.sendMessage(ref, 'Never mind', { signal: ctl.signal }), { name: 'AbortError' });
    await until(() => cancellations > 0, 'the cancellation to go out (after the pause)');
    assert.equal((await client.backend.getSession(ref)).session.status, 'idle', 'no workflow started');
    assert.equal(sends.length, 1, 'the send was not repeated after the wait');
  });
});
