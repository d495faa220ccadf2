/** The HTTP front over the wire: token (401), loopback Host/Origin (403), routes, body limit, request budget. */
import assert from 'node:assert/strict';
import { startEngine, type RunningEngine } from './support/engine';
import { useEngine } from './support/fixture';
import { bearer, mcpHeaders, request, type RawResponse } from './support/http';

const LIST_TOOLS = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });

function errorBody(res: RawResponse, status: number, error: string): Record<string, unknown> {
  assert.equal(res.status, status, res.text);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.equal(body.error, error);
  assert.equal(typeof body.details, 'object');
  return body.details;
}

describe('wire: HTTP guards and routes', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const info = (headers: Record<string, string>) => request(t.engine.ready, '/engine/info', { headers });

  it('no Authorization, a wrong token or another scheme is 401 with the contract error body', async () => {
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: `Basic ${t.engine.ready.token}` },
      { authorization: t.engine.ready.token },
    ];
    for (const headers of variants) {
      for (const [path, method] of [
        ['/mcp', 'POST'],
        ['/live/mcp', 'POST'],
        ['/events', 'GET'],
        ['/engine/info', 'GET'],
      ] as const) {
        const res = await request(t.engine.ready, path, {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: method === 'POST' ? LIST_TOOLS : undefined,
        });
        const details = errorBody(res, 401, 'Invalid or expired API key');
        assert.match(String(details['message']), /Authorization: Bearer/);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
        assert.ok(!res.text.includes(t.engine.ready.token), 'the token is never echoed');
      }
    }
  });

  it("a non-loopback Host, a loopback Host with another port, or an Origin other than the engine's own is 403 (before the token check)", async () => {
    const port = t.engine.port;
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [{ host: 'evil.example' }, /Host "evil.example" is not a loopback address/],
      [{ host: `evil.example:${port}` }, /is not a loopback address/],
      [{ host: `127.0.0.1:${port + 1}` }, /names another port/],
      [{ host: `localhost:${port === 1 ? 2 : port - 1}` }, /names another port/],
      [{ origin: 'http://evil.example' }, /Origin "http:\/\/evil.example" is not a loopback origin/],
      [{ origin: `https://localhost:${port}` }, /is not a loopback origin/],
      [{ origin: 'null' }, /is not a loopback origin/],
      // another page served on loopback (a dev server, another app) is not the engine
      [{ origin: `http://localhost:${port + 1}` }, /is not this engine's origin/],
      [{ origin: 'http://127.0.0.1:3000' }, /is not this engine's origin/],
      [{ origin: 'http://localhost' }, /is not this engine's origin/],
    ];
    for (const [headers, message] of refusals) {
      for (const auth of [bearer(t.engine.ready), {}]) {
        const details = errorBody(await info({ ...auth, ...headers }), 403, 'Forbidden');
        assert.match(String(details['message']), message);
      }
    }
  });

  it('loopback Hosts and Origins are allowed', async () => {
    const port = t.engine.port;
    const allowed: Array<Record<string, string>> = [
      { host: `127.0.0.1:${port}` },
      { host: `localhost:${port}` },
      { host: 'localhost' },
      { host: `[::1]:${port}` },
      { origin: `http://localhost:${port}` },
      { origin: `http://127.0.0.1:${port}` },
      { origin: `http://[::1]:${port}` },
    ];
    for (const headers of allowed) {
      const res = await info({ ...bearer(t.engine.ready), ...headers });
      assert.equal(res.status, 200, `${JSON.stringify(headers)}: ${res.text}`);
    }
    const mcp = await request(t.engine.ready, '/mcp', {
      method: 'POST',
      headers: { ...mcpHeaders(t.engine.ready), origin: `http://localhost:${port}` },
      body: LIST_TOOLS,
    });
    assert.equal(mcp.status, 200, mcp.text);
    assert.match(mcp.text, /bilt_resume_workflow/);
  });

  it('/engine/info describes the engine; other methods are 405', async () => {
    const res = await info(bearer(t.engine.ready));
    assert.equal(res.status, 200);
    const body = res.json<Record<string, unknown>>();
    assert.deepEqual(
      [body['name'], body['pid'], body['agent'], body['version'], body['dataDir'], body['startedAt']],
      [
        'bilt-engine',
        t.engine.ready.pid,
        'emulator',
        t.engine.ready.version,
        t.engine.ready.dataDir,
        t.engine.ready.startedAt,
      ],
    );
    assert.deepEqual(body['endpoints'], {
      seed: '/mcp',
      live: '/live/mcp',
      events: '/events',
      sessions: '/api/sessions',
      openApi: '/api/openapi.json',
    });
    const post = await request(t.engine.ready, '/engine/info', { method: 'POST', headers: bearer(t.engine.ready) });
    errorBody(post, 405, 'Method not allowed');
  });

  it('GET and DELETE on the MCP endpoints are 405; the legacy /sse endpoints are 410; unknown paths are 404', async () => {
    for (const path of ['/mcp', '/live/mcp']) {
      for (const method of ['GET', 'DELETE']) {
        const res = await request(t.engine.ready, path, {
          method,
          headers: { ...bearer(t.engine.ready), accept: 'text/event-stream' },
        });
        errorBody(res, 405, 'Method not allowed');
        assert.equal(res.headers['allow'], 'POST');
      }
    }
    for (const path of ['/mcp/sse', '/live/mcp/sse']) {
      for (const method of ['GET', 'POST']) {
        const details = errorBody(
          await request(t.engine.ready, path, { method, headers: bearer(t.engine.ready) }),
          410,
          'Gone',
        );
        assert.match(String(details['message']), new RegExp(`use Streamable HTTP at ${path.slice(0, -4)}$`));
      }
    }
    for (const path of ['/', '/nope', '/mcp/extra', '/engine/sessions']) {
      errorBody(await request(t.engine.ready, path, { headers: bearer(t.engine.ready) }), 404, 'Not found');
    }
  });

  it('a body over 1 MiB is 413; a body that is not JSON is 400', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { padding } });
    const details = errorBody(
      await request(t.engine.ready, '/mcp', { method: 'POST', headers: mcpHeaders(t.engine.ready), body: big }),
      413,
      'Request too large',
    );
    assert.equal(details['limit'], 1024 * 1024);
    errorBody(
      await request(t.engine.ready, '/live/mcp', {
        method: 'POST',
        headers: mcpHeaders(t.engine.ready),
        body: '{"jsonrpc":',
      }),
      400,
      'Parse error',
    );
    const justUnder = JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/list',
      params: { padding: padding.slice(0, 1000) },
    });
    assert.equal(
      (await request(t.engine.ready, '/mcp', { method: 'POST', headers: mcpHeaders(t.engine.ready), body: justUnder }))
        .status,
      200,
    );
  });
});

describe('wire: request budget (--rate-limit 5)', () => {
  let engine: RunningEngine;
  before(async () => (engine = await startEngine({ scenario: 'quick.json', flags: ['--rate-limit', '5'] })));
  after(() => engine?.stop());

  it('the 6th request within a minute is 429 with X-RateLimit-* and Retry-After; refused requests do not count', async () => {
    assert.equal(
      (await request(engine.ready, '/engine/info')).status,
      401,
      'unauthenticated: refused before the budget',
    );
    for (let i = 1; i <= 5; i++) {
      const res = await request(engine.ready, '/engine/info', { headers: bearer(engine.ready) });
      assert.equal(res.status, 200, `request ${i}`);
      assert.deepEqual([res.headers['x-ratelimit-limit'], res.headers['x-ratelimit-remaining']], ['5', String(5 - i)]);
    }
    const res = await request(engine.ready, '/mcp', {
      method: 'POST',
      headers: mcpHeaders(engine.ready),
      body: LIST_TOOLS,
    });
    const details = errorBody(res, 429, 'Rate limit exceeded');
    assert.deepEqual([res.headers['x-ratelimit-limit'], res.headers['x-ratelimit-remaining']], ['5', '0']);
    const reset = Number(res.headers['x-ratelimit-reset']);
    const now = Date.now() / 1000;
    assert.ok(
      reset > now && reset <= now + 61,
      `X-RateLimit-Reset ${reset} is the end of this minute's window (epoch seconds)`,
    );
    const retryAfter = Number(res.headers['retry-after']);
    // whole seconds until the window's end (rounded up, so at most 61 for a one-minute window)
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 61, `Retry-After ${retryAfter}`);
    assert.ok(
      Math.abs(retryAfter - (reset - now)) <= 1,
      `Retry-After ${retryAfter} matches X-RateLimit-Reset ${reset}`,
    );
    assert.equal(details['retry_after'], retryAfter);
  });
});
