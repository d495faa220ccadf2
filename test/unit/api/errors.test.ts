/** Whatever goes wrong on the way to a server, as a BiltError with the right code and a sentence to act on. */
import assert from 'node:assert/strict';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode as RpcCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { toolError, transportError } from '../../../src/api/mcp/errors';
import { BiltError } from '../../../src/core/errors';
import { netError } from './fakes';

const URL_ = 'http://127.0.0.1:9/mcp';
const body = (error: string, details: Record<string, unknown>) => JSON.stringify({ error, details });

function asBilt(e: unknown): BiltError {
  assert.ok(e instanceof BiltError, `a BiltError, got ${String(e)}`);
  return e;
}

/** What the SDK throws for an HTTP error answer to a POST (the body is in the message). */
const httpError = (status: number, text = '') => new StreamableHTTPError(status, `Error POSTing to endpoint: ${text}`);

describe('api/mcp/errors: toolError', () => {
  it('a contract error body with details.code keeps the code, the sentence and the details', () => {
    const e = toolError(
      'bilt_send_message',
      body('A workflow is already in progress', {
        code: 'conflict',
        current_status: 'running',
        message: 'Wait or cancel it',
      }),
    );
    assert.deepEqual(
      [e.code, e.message, e.details],
      [
        'conflict',
        'A workflow is already in progress',
        { current_status: 'running', message: 'Wait or cancel it', tool: 'bilt_send_message' },
      ],
    );
    const r = toolError('bilt_send_message', body('Rate limit exceeded', { code: 'rate_limited', retry_after: 42 }));
    assert.deepEqual([r.code, r.retryAfterSeconds], ['rate_limited', 42]);
  });

  it('without details.code (or with an unknown one) the code is inferred from the words', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['Rate limit exceeded', { retry_after: 30 }, 'rate_limited'],
      ['Project not found', {}, 'not_found'],
      ['A workflow is already in progress', { current_status: 'paused' }, 'conflict'],
      ['Project name already exists', {}, 'conflict'],
      ['Cannot cancel workflow', { current_status: 'completed' }, 'illegal_state'],
      ['Cannot resume workflow', {}, 'illegal_state'],
      [
        'Invalid request body',
        { field: 'message', message: 'message must be at most 5000 characters' },
        'invalid_input',
      ],
      ['Bad', { message: 'name is required' }, 'invalid_input'],
      ['Invalid API key', {}, 'unauthorized'],
      ['Forbidden', {}, 'forbidden'],
      ['Something broke', { code: 'teapot' }, 'internal'],
    ];
    for (const [error, details, code] of cases) {
      const e = toolError('bilt_x', body(error, details));
      assert.equal(e.code, code, error);
      assert.equal(e.message, error);
      assert.equal(e.details['code'], undefined, 'the code is not repeated in details');
      assert.equal(e.details['tool'], 'bilt_x');
    }
  });

  it('non-JSON text (or JSON that is not an error body) is the message itself', () => {
    const e = toolError('bilt_get_project', 'Project not found: 42');
    assert.deepEqual(
      [e.code, e.message, e.details],
      ['not_found', 'Project not found: 42', { tool: 'bilt_get_project' }],
    );
    assert.deepEqual(
      [toolError('bilt_x', 'kaboom').code, toolError('bilt_x', 'kaboom').message],
      ['internal', 'kaboom'],
    );
    assert.equal(toolError('bilt_x', '').message, 'bilt_x failed', 'an empty text still says what failed');
    assert.equal(toolError('bilt_x', 'null').message, 'null');
    assert.equal(toolError('bilt_x', '{"message":"hi"}').code, 'internal');
  });
});

describe('api/mcp/errors: transportError', () => {
  it('401 → unauthorized, telling to sign in again', () => {
    const e = asBilt(transportError(httpError(401, body('Invalid or expired API key', {})), URL_));
    assert.deepEqual(
      [e.code, e.message, e.details['status'], e.details['url']],
      ['unauthorized', 'Invalid or expired API key', 401, URL_],
    );
    assert.match(String(e.details['message']), /valid token/);
  });

  it('403 → forbidden, 404/405 → protocol (no MCP endpoint), 410 → unsupported (retired endpoint)', () => {
    assert.equal(asBilt(transportError(httpError(403, 'Host not allowed'), URL_)).code, 'forbidden');
    for (const s of [404, 405]) {
      const e = asBilt(transportError(httpError(s), URL_));
      assert.deepEqual([e.code, e.message, e.details['status']], ['protocol', `No MCP endpoint at ${URL_}`, s]);
    }
    const gone = asBilt(transportError(httpError(410, 'Gone'), URL_));
    assert.deepEqual([gone.code, gone.message], ['unsupported', `${URL_} is a retired endpoint`]);
  });

  it('429 → rate_limited with retry_after read from the error body (when there is one)', () => {
    const e = asBilt(
      transportError(
        httpError(429, body('Rate limit exceeded', { message: 'Too many requests; retry in 17 s', retry_after: 17 })),
        URL_,
      ),
    );
    assert.deepEqual(
      [e.code, e.retryAfterSeconds, e.details['message']],
      ['rate_limited', 17, 'Too many requests; retry in 17 s'],
    );
    const bare = asBilt(transportError(httpError(429, 'slow down'), URL_));
    assert.deepEqual(
      [bare.code, bare.retryAfterSeconds, bare.details['message']],
      ['rate_limited', undefined, 'Too many requests'],
    );
  });

  it('5xx → unavailable; another status (or the SDK’s -1 for a wrong content type) → protocol', () => {
    for (const s of [500, 502, 503]) {
      const e = asBilt(transportError(httpError(s, 'oops'), URL_));
      assert.deepEqual([e.code, e.message], ['unavailable', `The server at ${URL_} failed (HTTP ${s})`]);
    }
    assert.equal(asBilt(transportError(httpError(418), URL_)).code, 'protocol');
    assert.equal(
      asBilt(transportError(new StreamableHTTPError(-1, 'Unexpected content type: text/html'), URL_)).code,
      'protocol',
    );
  });

  it('a JSON-RPC error (McpError) → protocol with the rpc code', () => {
    const e = asBilt(transportError(new McpError(RpcCode.MethodNotFound, 'Method not found'), URL_));
    assert.deepEqual([e.code, e.details['rpc_code']], ['protocol', RpcCode.MethodNotFound]);
    assert.match(String(e.details['message']), /Method not found/);
  });

  it("the SDK's own timeout and closed connection → unavailable, not a refusal", () => {
    const timeout = asBilt(transportError(new McpError(RpcCode.RequestTimeout, 'Request timed out'), URL_));
    assert.deepEqual([timeout.code, timeout.message], ['unavailable', `The server at ${URL_} did not answer in time`]);
    const closed = asBilt(transportError(new McpError(RpcCode.ConnectionClosed, 'Connection closed'), URL_));
    assert.deepEqual([closed.code, closed.message], ['unavailable', `The connection to ${URL_} closed`]);
  });

  it('a network failure → unavailable, naming the system error', () => {
    const e = asBilt(transportError(netError('ECONNREFUSED'), URL_));
    assert.deepEqual(
      [e.code, e.message, e.details['message']],
      ['unavailable', `Cannot reach ${URL_}`, 'ECONNREFUSED'],
    );
    const plain = asBilt(transportError(new TypeError('fetch failed'), URL_));
    assert.deepEqual([plain.code, plain.details['message']], ['unavailable', 'fetch failed']);
    assert.equal(
      asBilt(transportError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), URL_)).code,
      'unavailable',
    );
  });

  it('a network failure on a known route (a proxy-aware fetch) names the route before the system error', () => {
    const route = 'through proxy http://proxy.example:3128 (http.proxy), strict SSL on, CA: system';
    const e = asBilt(transportError(Object.assign(netError('ECONNREFUSED'), { route }), URL_));
    assert.deepEqual(
      [e.code, e.message, e.details['message'], e.details['route']],
      ['unavailable', `Cannot reach ${URL_} ${route}: ECONNREFUSED`, 'ECONNREFUSED', route],
    );
  });

  it('a certificate the CAs tried do not vouch for is said in words after its code', () => {
    const route = 'through proxy http://proxy.example:3128 (http.proxy), strict SSL on, CA: system + /ca.pem';
    const untrusted = asBilt(transportError(Object.assign(netError('SELF_SIGNED_CERT_IN_CHAIN'), { route }), URL_));
    assert.equal(
      untrusted.message,
      `Cannot reach ${URL_} ${route}: SELF_SIGNED_CERT_IN_CHAIN (the server's certificate is not signed by a trusted CA)`,
    );
    assert.match(
      asBilt(transportError(netError('ERR_TLS_CERT_ALTNAME_INVALID'), URL_)).details['message'] as string,
      /^ERR_TLS_CERT_ALTNAME_INVALID \(the server's certificate is for another name\)$/,
    );
    assert.equal(asBilt(transportError(netError('ECONNRESET'), URL_)).details['message'], 'ECONNRESET');
  });

  it('aborts and BiltErrors pass through unchanged; anything else is internal', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    assert.equal(transportError(abort, URL_), abort);
    const b = new BiltError('conflict', 'x');
    assert.equal(transportError(b, URL_), b);
    const other = asBilt(transportError(new Error('weird'), URL_));
    assert.deepEqual([other.code, other.message], ['internal', 'weird']);
    assert.equal(asBilt(transportError('a string', URL_)).message, 'a string');
  });
});
