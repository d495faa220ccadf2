/** When a request may be repeated and after how long: idempotency from JSON-RPC bodies, server delays, backoff. */
import assert from 'node:assert/strict';
import {
  backoffMs,
  isIdempotentBody,
  retryableNetworkError,
  retryableStatus,
  serverDelayMs,
} from '../../../src/api/http/retry';
import { netError, rpc, toolCall } from './fakes';

describe('api/http/retry', () => {
  it('reads are idempotent; tool calls that change state are not', () => {
    for (const t of ['bilt_list_projects', 'bilt_get_project', 'bilt_get_session', 'bilt_get_messages']) {
      assert.equal(isIdempotentBody(toolCall(t)), true, t);
    }
    for (const t of [
      'bilt_send_message',
      'bilt_cancel_workflow',
      'bilt_create_project',
      'bilt_resume_workflow',
      'some_unknown_tool',
    ]) {
      assert.equal(isIdempotentBody(toolCall(t, { session_id: 'x' })), false, t);
    }
  });

  it('protocol traffic is idempotent; a batch is only if every part is; an unreadable body is not', () => {
    assert.equal(isIdempotentBody(rpc('initialize')), true);
    assert.equal(isIdempotentBody(rpc('tools/list')), true);
    assert.equal(isIdempotentBody(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })), true);
    assert.equal(isIdempotentBody(undefined), true, 'no body (GET, DELETE)');
    assert.equal(
      isIdempotentBody(
        JSON.stringify([JSON.parse(toolCall('bilt_get_session')), JSON.parse(toolCall('bilt_get_messages'))]),
      ),
      true,
    );
    assert.equal(
      isIdempotentBody(
        JSON.stringify([JSON.parse(toolCall('bilt_get_session')), JSON.parse(toolCall('bilt_send_message'))]),
      ),
      false,
    );
    assert.equal(isIdempotentBody('{not json'), false);
    assert.equal(isIdempotentBody('null'), true);
  });

  it('a network error is retried when the request never left, or when repeating is harmless', () => {
    for (const code of [
      'ECONNREFUSED',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
    ]) {
      assert.equal(retryableNetworkError(netError(code), false), true, `${code} before sending`);
    }
    assert.equal(
      retryableNetworkError(netError('ECONNRESET'), false),
      false,
      'reset mid-way: a send may have happened',
    );
    assert.equal(retryableNetworkError(new TypeError('fetch failed'), false), false);
    assert.equal(retryableNetworkError(netError('ECONNRESET'), true), true);
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED']) {
      assert.equal(retryableNetworkError(netError(code), true), false, `${code}: the same certificate comes back`);
    }
    assert.equal(
      retryableNetworkError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), false),
      true,
      'a code on the error itself',
    );
    assert.equal(retryableNetworkError(new Error('something else'), true), false, 'only fetch failures (TypeError)');
  });

  it('429 and 503 are retried for any call; 500/502/504 only for idempotent ones; 4xx never', () => {
    for (const s of [429, 503]) {
      assert.equal(retryableStatus(s, false), true, String(s));
    }
    for (const s of [500, 502, 504]) {
      assert.deepEqual([retryableStatus(s, true), retryableStatus(s, false)], [true, false], String(s));
    }
    for (const s of [200, 400, 401, 403, 404, 410, 501]) {
      assert.equal(retryableStatus(s, true), false, String(s));
    }
  });

  describe('serverDelayMs', () => {
    const now = Date.UTC(2026, 0, 15, 12, 0, 0);
    const h = (o: Record<string, string>) => new Headers(o);

    it('Retry-After in seconds', () => {
      assert.equal(serverDelayMs(h({ 'retry-after': '7' }), now), 7000);
      assert.equal(serverDelayMs(h({ 'retry-after': '0' }), now), 0);
    });

    it('Retry-After as an HTTP date (a past date means now)', () => {
      assert.equal(serverDelayMs(h({ 'retry-after': new Date(now + 30_000).toUTCString() }), now), 30_000);
      assert.equal(serverDelayMs(h({ 'retry-after': new Date(now - 5_000).toUTCString() }), now), 0);
    });

    it('X-RateLimit-Reset as Unix seconds or as seconds from now', () => {
      assert.equal(serverDelayMs(h({ 'x-ratelimit-reset': String(now / 1000 + 42) }), now), 42_000);
      assert.equal(serverDelayMs(h({ 'x-ratelimit-reset': '5' }), now), 5000);
      assert.equal(serverDelayMs(h({ 'x-ratelimit-reset': String(now / 1000 - 3) }), now), 0, 'a reset in the past');
    });

    it('Retry-After wins over X-RateLimit-Reset; neither (or garbage) means no advice', () => {
      assert.equal(serverDelayMs(h({ 'retry-after': '2', 'x-ratelimit-reset': String(now / 1000 + 60) }), now), 2000);
      assert.equal(serverDelayMs(h({ 'retry-after': 'soon', 'x-ratelimit-reset': '4' }), now), 4000);
      assert.equal(serverDelayMs(h({}), now), undefined);
      assert.equal(serverDelayMs(h({ 'retry-after': 'soon' }), now), undefined);
      assert.equal(serverDelayMs(h({ 'x-ratelimit-reset': 'later' }), now), undefined);
    });
  });

  it('backoff: exponential with jitter in [ceiling/2, ceiling], capped', () => {
    assert.equal(
      backoffMs(0, 250, 15_000, () => 0),
      125,
    );
    assert.equal(
      backoffMs(0, 250, 15_000, () => 1),
      250,
    );
    assert.equal(
      backoffMs(3, 250, 15_000, () => 0.5),
      1500,
    );
    assert.equal(
      backoffMs(10, 250, 15_000, () => 1),
      15_000,
      'capped',
    );
    assert.equal(
      backoffMs(10, 250, 15_000, () => 0),
      7500,
    );
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(15_000, 250 * 2 ** attempt);
      for (let i = 0; i < 50; i++) {
        const d = backoffMs(attempt, 250, 15_000);
        assert.ok(d >= ceiling / 2 && d <= ceiling, `attempt ${attempt}: ${d} in [${ceiling / 2}, ${ceiling}]`);
      }
    }
  });
});
